package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService.ConfiguredOrganizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The organizer settings ({@code B2BFORUM_ORGANIZER_EMAIL}, {@code _PASSWORD}) against the real database: they create
 * the first organizer and change nothing later, and the log says which, so that an operator who edited the password
 * in the settings learns why the log-in still wants the account's own (ops1, stop 46: the start said nothing).
 */
@ForumSpringTest
@ExtendWith(OutputCaptureExtension.class)
class ConfiguredOrganizerTest {

    private static final String PASSWORD = "Minsk-Moscow-2026";

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    private final DefaultI18NProvider i18n = new DefaultI18NProvider(Languages.ALL);

    @Test
    void the_setting_creates_the_organizer_once_and_then_says_how_the_account_differs(CapturedOutput output) {
        String email = "office-" + UUID.randomUUID() + "@forum.example.org";

        start(email, PASSWORD);
        assertThat(output).contains("Organizer account " + email + " created with B2BFORUM_ORGANIZER_PASSWORD");
        assertThat(accounts.ensureOrganizer(email, PASSWORD, "Organizer", false)).isEqualTo(ConfiguredOrganizer.UNCHANGED);

        start(email, "Another-Password-2027");
        assertThat(output).contains("Organizer account " + email + " exists with a password of its own, not "
                + "B2BFORUM_ORGANIZER_PASSWORD, and keeps it").doesNotContain("Another-Password-2027");
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Integer.class, email))
                .isEqualTo(1);

        jdbc.update("update app_user set enabled = false where email = ?", email);
        start(email, PASSWORD);
        assertThat(output).contains("Organizer account " + email + " (B2BFORUM_ORGANIZER_EMAIL) is switched off");
    }

    @Test
    void an_address_that_is_another_roles_log_in_makes_no_organizer_and_says_so(CapturedOutput output) {
        String email = "desk-" + UUID.randomUUID() + "@forum.example.org";
        accounts.createStaffAccount(email, PASSWORD, "Door staff");

        assertThat(accounts.ensureOrganizer(email, PASSWORD, "Organizer", false))
                .isEqualTo(ConfiguredOrganizer.NOT_AN_ORGANIZER);
        start(email, PASSWORD);

        assertThat(output).contains("B2BFORUM_ORGANIZER_EMAIL " + email + " is the log-in of a company, a delegate or "
                + "venue staff, not an organizer's");
        assertThat(jdbc.queryForObject("select role from app_user where email = ?", String.class, email))
                .isEqualTo("STAFF");
    }

    /**
     * The first organizer is named as the setting says, by default in Russian: until ops5 it was "Organizer", in
     * English in the Russian header. The name is given at the creation, as the password: a later start keeps it.
     */
    @Test
    void the_organizer_is_named_by_the_setting_and_in_russian_without_it() {
        String named = "office-" + UUID.randomUUID() + "@forum.example.org";
        String unnamed = "office-" + UUID.randomUUID() + "@forum.example.org";

        new OrganizerAccountInitializer(accounts, i18n, named, PASSWORD, "  Дирекция форума «Минск — Москва» ", false)
                .afterSingletonsInstantiated();
        new OrganizerAccountInitializer(accounts, i18n, unnamed, PASSWORD, "", false).afterSingletonsInstantiated();
        new OrganizerAccountInitializer(accounts, i18n, named, PASSWORD, "Forum office", false)
                .afterSingletonsInstantiated();

        assertThat(displayName(named)).isEqualTo("Дирекция форума «Минск — Москва»");
        assertThat(displayName(unnamed)).isEqualTo("Дирекция форума");
    }

    /**
     * An installation older than the setting keeps its first organizer, created as "Organizer": the next start names it
     * as a new installation's (the setting, else in Russian); any other name is the office's own and stays.
     */
    @Test
    void the_first_organizer_created_as_organizer_before_the_setting_takes_its_name_at_the_next_start(
            CapturedOutput output) {
        String unnamed = "office-" + UUID.randomUUID() + "@forum.example.org";
        String named = "office-" + UUID.randomUUID() + "@forum.example.org";
        String renamedByHand = "office-" + UUID.randomUUID() + "@forum.example.org";
        for (String email : new String[] {unnamed, named, renamedByHand}) {
            accounts.ensureOrganizer(email, PASSWORD, "Organizer", false); // as every start did until stop 50
        }
        jdbc.update("update app_user set display_name = 'Organizers'' office' where email = ?", renamedByHand);

        start(unnamed, PASSWORD);
        new OrganizerAccountInitializer(accounts, i18n, named, PASSWORD, "Дирекция форума «Минск — Москва»", false)
                .afterSingletonsInstantiated();
        start(renamedByHand, PASSWORD);

        assertThat(displayName(unnamed)).isEqualTo("Дирекция форума");
        assertThat(displayName(named)).isEqualTo("Дирекция форума «Минск — Москва»");
        assertThat(displayName(renamedByHand)).isEqualTo("Organizers' office");
        assertThat(output.getOut()).as("one line for the operator's log, no password in it")
                .contains("Organizer account " + unnamed + " renamed from \"Organizer\" to \"Дирекция форума\"")
                .doesNotContain("Organizer account " + renamedByHand + " renamed").doesNotContain(PASSWORD);
    }

    /**
     * The only organizer forgot its password on an installation without a mail server: no "Forgot password?" link can
     * arrive and no other organizer can issue one (ops52: the office was locked out for good). A start with
     * {@code B2BFORUM_ORGANIZER_PASSWORD_RESET=true} gives it the configured password again and ends its sessions; the
     * log says to remove the setting, and names no password.
     */
    @Test
    void the_reset_setting_gives_a_forgotten_organizer_password_back(CapturedOutput output) {
        String email = "office-" + UUID.randomUUID() + "@forum.example.org";
        start(email, PASSWORD);
        jdbc.update("update app_user set password_hash = ? where email = ?",
                passwordEncoder.encode("Forgotten-Password-2027"), email);
        int epoch = sessionEpoch(email);

        start(email, PASSWORD);
        assertThat(passwordEncoder.matches(PASSWORD, passwordHash(email))).as("without the setting: kept").isFalse();

        new OrganizerAccountInitializer(accounts, i18n, email, PASSWORD, "", false, true).afterSingletonsInstantiated();
        assertThat(passwordEncoder.matches(PASSWORD, passwordHash(email))).isTrue();
        assertThat(sessionEpoch(email)).as("its sessions end").isGreaterThan(epoch);
        assertThat(output.getOut()).contains("Organizer account " + email + " has B2BFORUM_ORGANIZER_PASSWORD as its "
                + "password again").doesNotContain(PASSWORD).doesNotContain("Forgotten-Password-2027");

        new OrganizerAccountInitializer(accounts, i18n, email, PASSWORD, "", false, true).afterSingletonsInstantiated();
        assertThat(output.getOut()).contains("B2BFORUM_ORGANIZER_PASSWORD_RESET=true is still set: remove it");

        String staff = "desk-" + UUID.randomUUID() + "@forum.example.org";
        accounts.createStaffAccount(staff, "Door-Staff-Pass-2026", "Door staff");
        new OrganizerAccountInitializer(accounts, i18n, staff, PASSWORD, "", false, true).afterSingletonsInstantiated();
        assertThat(passwordEncoder.matches("Door-Staff-Pass-2026", passwordHash(staff))).as("no organizer's: kept")
                .isTrue();
    }

    private String passwordHash(String email) {
        return jdbc.queryForObject("select password_hash from app_user where email = ?", String.class, email);
    }

    private int sessionEpoch(String email) {
        return jdbc.queryForObject("select session_epoch from app_user where email = ?", Integer.class, email);
    }

    private String displayName(String email) {
        return jdbc.queryForObject("select display_name from app_user where email = ?", String.class, email);
    }

    private void start(String email, String password) {
        new OrganizerAccountInitializer(accounts, i18n, email, password, false).afterSingletonsInstantiated();
    }
}
