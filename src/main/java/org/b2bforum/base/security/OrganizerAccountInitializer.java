package org.b2bforum.base.security;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.Locale;
import org.b2bforum.base.i18n.Languages;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first organizer from configuration ({@code B2BFORUM_ORGANIZER_EMAIL},
 * {@code B2BFORUM_ORGANIZER_PASSWORD}). Outside demo mode the application refuses to start without
 * an organizer, and never with a weak configured password.
 * <p>
 * Runs while the context starts, once its beans are made (the database migrated), before the web server starts:
 * a refused start does not first log "Tomcat started" and "Started Application" (until 2026-12-06 it was an
 * {@code ApplicationRunner}, run after both). The application's other runners find the organizer there.
 */
@Component
class OrganizerAccountInitializer implements SmartInitializingSingleton {

    private final AccountService accounts;
    private final I18NProvider i18n;
    private final String email;
    private final String password;
    private final boolean demoMode;

    OrganizerAccountInitializer(AccountService accounts, I18NProvider i18n,
            @Value("${b2bforum.organizer.email:}") String email,
            @Value("${b2bforum.organizer.password:}") String password,
            @Value("${b2bforum.demo.enabled:false}") boolean demoMode) {
        this.accounts = accounts;
        this.i18n = i18n;
        this.email = email;
        this.password = password;
        this.demoMode = demoMode;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (StringUtils.hasText(email) && StringUtils.hasText(password)) {
            Passwords.problem(password, email).ifPresent(problem -> {
                throw new IllegalStateException(weak(problem));
            });
            accounts.ensureOrganizer(email, password, "Organizer", false);
        } else if (!demoMode && !accounts.hasRealOrganizer()) {
            throw new IllegalStateException("No organizer account exists. Set B2BFORUM_ORGANIZER_EMAIL and "
                    + "B2BFORUM_ORGANIZER_PASSWORD to create the first one (or run in demo mode).");
        }
    }

    /**
     * Why the configured password is refused, in the words a user would read (English) and with the rule's key:
     * the log is all an operator sees. A password "containing the e-mail" contains its part before the @, which
     * is named, since a password such as "Office-Forum-2026" for office@... is not the address itself.
     */
    private String weak(String problem) {
        String words = i18n.getTranslation(problem, Languages.ENGLISH, Passwords.messageArguments(problem));
        if ("validation.password.contains-email".equals(problem)) {
            words += " (its part before the @, \"" + email.toLowerCase(Locale.ROOT).split("@")[0] + "\")";
        }
        return "B2BFORUM_ORGANIZER_PASSWORD is too weak: " + words + " (" + problem + "). It needs at least "
                + Passwords.MIN_LENGTH + " characters with letters and digits, must not be a common password, "
                + "and must not contain the e-mail address's part before the @.";
    }
}
