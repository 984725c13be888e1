package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import org.b2bforum.base.i18n.Languages;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizerAccountInitializerTest {

    private final AccountService accounts = mock(AccountService.class);
    private final DefaultI18NProvider i18n = new DefaultI18NProvider(Languages.ALL);

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void a_weak_configured_organizer_password_is_refused(boolean demoMode) {
        var initializer = new OrganizerAccountInitializer(accounts, i18n, "chief@forum.by", "organizer", demoMode);

        assertThatThrownBy(() -> initializer.afterSingletonsInstantiated()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("B2BFORUM_ORGANIZER_PASSWORD is too weak")
                .hasMessageContaining("validation.password.too-short")
                .hasMessageContaining("The password is too short: its length must be at least 10");
        verifyNoInteractions(accounts);
    }

    @Test
    void a_configured_password_containing_the_e_mail_is_refused() {
        var initializer = new OrganizerAccountInitializer(accounts, i18n, "chief@forum.by", "chief-2026-forum", false);

        assertThatThrownBy(() -> initializer.afterSingletonsInstantiated()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("validation.password.contains-email");
        verifyNoInteractions(accounts);
    }

    /** The log is all an operator sees of a refused start: the rule in words, and which part of the address. */
    @Test
    void a_password_containing_the_e_mails_name_is_refused_in_words_that_name_it() {
        var initializer = new OrganizerAccountInitializer(accounts, i18n, "office@forum.example.org",
                "Office-Forum-2026-xyz", false);

        assertThatThrownBy(() -> initializer.afterSingletonsInstantiated()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The password must not contain the e-mail address")
                .hasMessageContaining("(its part before the @, \"office\")");
        verifyNoInteractions(accounts);
    }

    @Test
    void a_strong_configured_password_creates_the_organizer() {
        var initializer = configured("chief@forum.by", AccountService.ConfiguredOrganizer.CREATED, true);

        initializer.afterSingletonsInstantiated();

        verify(accounts).ensureOrganizer("chief@forum.by", "Minsk-Moscow-2026", "Дирекция форума", false);
    }

    @Test
    void a_configured_name_longer_than_the_accounts_name_refuses_the_start_in_words() {
        var initializer = new OrganizerAccountInitializer(accounts, i18n, "chief@forum.by", "Minsk-Moscow-2026",
                "Д".repeat(201), false);

        assertThatThrownBy(() -> initializer.afterSingletonsInstantiated()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("B2BFORUM_ORGANIZER_NAME is 201 characters long: at most 200 fit");
        verifyNoInteractions(accounts);
    }

    /** A Cyrillic name read by a JVM in an ASCII locale (systemd without LANG) would be a row of U+FFFD. */
    @Test
    void a_configured_name_the_jvm_could_not_read_refuses_the_start_naming_the_locale() {
        var initializer = new OrganizerAccountInitializer(accounts, i18n, "chief@forum.by", "Minsk-Moscow-2026",
                "\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD", false);

        assertThatThrownBy(() -> initializer.afterSingletonsInstantiated()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("B2BFORUM_ORGANIZER_NAME has characters this JVM could not read")
                .hasMessageContaining("LANG=C.UTF-8");
        verifyNoInteractions(accounts);
    }

    /** Since stop 46 (ops1) a configured address that is another role's log-in creates nothing: with no organizer
     *  elsewhere the start is refused as without the settings. */
    @Test
    void a_configured_address_that_is_no_organizers_refuses_the_start_where_no_organizer_exists() {
        var initializer = configured("desk@forum.by", AccountService.ConfiguredOrganizer.NOT_AN_ORGANIZER, false);

        // the refusal names what became of the address, not "Set B2BFORUM_ORGANIZER_EMAIL" to one who set it
        assertThatThrownBy(() -> initializer.afterSingletonsInstantiated()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No organizer account that can log in exists")
                .hasMessageContaining("desk@forum.by is the log-in of a company, a delegate or venue staff")
                .hasMessageNotContaining("Set B2BFORUM_ORGANIZER_EMAIL");
    }

    @Test
    void a_configured_organizer_switched_off_refuses_the_start_in_words_that_name_it() {
        var initializer = configured("chief@forum.by", AccountService.ConfiguredOrganizer.SWITCHED_OFF, false);

        assertThatThrownBy(() -> initializer.afterSingletonsInstantiated()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chief@forum.by is an organizer account that is switched off")
                .hasMessageNotContaining("Set B2BFORUM_ORGANIZER_EMAIL");
    }

    @Test
    void outside_demo_mode_the_application_does_not_start_without_an_organizer() {
        when(accounts.hasRealOrganizer()).thenReturn(false);
        var initializer = new OrganizerAccountInitializer(accounts, i18n, "", "", false);

        assertThatThrownBy(() -> initializer.afterSingletonsInstantiated()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No organizer account that can log in exists")
                .hasMessageContaining("Set B2BFORUM_ORGANIZER_EMAIL and B2BFORUM_ORGANIZER_PASSWORD");
    }

    @Test
    void outside_demo_mode_an_existing_organizer_is_enough() {
        when(accounts.hasRealOrganizer()).thenReturn(true);
        var initializer = new OrganizerAccountInitializer(accounts, i18n, "", "", false);

        assertThatCode(() -> initializer.afterSingletonsInstantiated()).doesNotThrowAnyException();
    }

    @Test
    void in_demo_mode_no_organizer_needs_to_be_configured() {
        var initializer = new OrganizerAccountInitializer(accounts, i18n, "", "", true);

        assertThatCode(() -> initializer.afterSingletonsInstantiated()).doesNotThrowAnyException();
        verifyNoInteractions(accounts);
    }

    /**
     * Spring Boot logs "Started Application" once the context is refreshed, then calls its runners: as a runner, a
     * refused start logged "Started" before "Application run failed" (review43). The refusal comes while the context
     * refreshes, before the web server starts.
     */
    @Test
    void a_weak_configured_password_refuses_the_start_while_the_context_refreshes() {
        try (var context = new GenericApplicationContext()) {
            context.registerBean(OrganizerAccountInitializer.class,
                    () -> new OrganizerAccountInitializer(accounts, i18n, "chief@forum.by", "organizer", false));

            assertThatThrownBy(context::refresh).hasStackTraceContaining("B2BFORUM_ORGANIZER_PASSWORD is too weak");
        }
    }

    /** The initializer with a strong configured password, the account service answering as given. */
    private OrganizerAccountInitializer configured(String email, AccountService.ConfiguredOrganizer outcome,
            boolean organizerExists) {
        when(accounts.ensureOrganizer(email, "Minsk-Moscow-2026", OrganizerAccountInitializer.DEFAULT_NAME, false))
                .thenReturn(outcome);
        when(accounts.hasRealOrganizer()).thenReturn(organizerExists);
        return new OrganizerAccountInitializer(accounts, i18n, email, "Minsk-Moscow-2026", false);
    }
}
