package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.cluster.ClusterLeases;
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
    @Autowired
    ClusterLeases leases;
    @Autowired
    LoginThrottle throttle;

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
     * arrive and no other organizer can issue one (ops52: the office was locked out for good). The first start on the
     * day {@code B2BFORUM_ORGANIZER_PASSWORD_RESET} names gives it the configured password again, ends its sessions and
     * a lock of its log-in; every other start leaves it alone and says so at WARN (until mend52a {@code true} acted at
     * every start while it stayed set, undoing the password the office chose since). The log names no password.
     */
    @Test
    void the_reset_setting_gives_a_forgotten_organizer_password_back_once_on_its_day(CapturedOutput output) {
        String email = "office-" + UUID.randomUUID() + "@forum.example.org";
        LocalDate day = unusedDay();
        start(email, PASSWORD);
        jdbc.update("update app_user set password_hash = ? where email = ?",
                passwordEncoder.encode("Forgotten-Password-2027"), email);
        int epoch = sessionEpoch(email);

        reset(email, day, day.minusDays(1));
        assertThat(passwordEncoder.matches(PASSWORD, passwordHash(email))).as("the day before: kept").isFalse();
        assertThat(output.getOut()).contains("B2BFORUM_ORGANIZER_PASSWORD_RESET=" + day + " did nothing: it acts at "
                + "the first start of that day (UTC) only");

        for (int i = 0; i < 5; i++) {
            throttle.loginFailed(email, "203.0.113.9");
        }
        assertThat(throttle.loginLocked(email, "198.51.100.1")).as("5 failures lock the e-mail").isPresent();
        reset(email, day, day);
        assertThat(passwordEncoder.matches(PASSWORD, passwordHash(email))).isTrue();
        assertThat(throttle.loginLocked(email, "198.51.100.1")).as("the lock lifted").isEmpty();
        assertThat(sessionEpoch(email)).as("its sessions end").isGreaterThan(epoch);
        assertThat(output.getOut()).contains("Organizer account " + email + " has B2BFORUM_ORGANIZER_PASSWORD as its "
                + "password again").doesNotContain(PASSWORD).doesNotContain("Forgotten-Password-2027");

        jdbc.update("update app_user set password_hash = ? where email = ?",
                passwordEncoder.encode("Chosen-Since-2027"), email);
        reset(email, day, day);
        assertThat(passwordEncoder.matches("Chosen-Since-2027", passwordHash(email)))
                .as("a restart the same day keeps the password chosen since").isTrue();
        assertThat(output.getOut()).contains("B2BFORUM_ORGANIZER_PASSWORD_RESET=" + day + " did nothing: an earlier "
                + "start used it");

        assertThatThrownBy(() -> OrganizerAccountInitializer.resetDay("true")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it takes the day (UTC)").hasMessageContaining("no longer \"true\"");

        String staff = "desk-" + UUID.randomUUID() + "@forum.example.org";
        accounts.createStaffAccount(staff, "Door-Staff-Pass-2026", "Door staff");
        LocalDate staffDay = unusedDay();
        reset(staff, staffDay, staffDay);
        assertThat(passwordEncoder.matches("Door-Staff-Pass-2026", passwordHash(staff))).as("no organizer's: kept")
                .isTrue();
    }

    /** A switched-off organizer stays as it is with the setting on its day: another organizer switches it on. */
    @Test
    void the_reset_setting_leaves_a_switched_off_organizer_alone(CapturedOutput output) {
        String email = "office-" + UUID.randomUUID() + "@forum.example.org";
        LocalDate day = unusedDay();
        start(email, PASSWORD);
        String forgotten = passwordEncoder.encode("Forgotten-Password-2027");
        jdbc.update("update app_user set password_hash = ?, enabled = false where email = ?", forgotten, email);

        reset(email, day, day);

        assertThat(passwordHash(email)).isEqualTo(forgotten);
        assertThat(output.getOut()).contains("Organizer account " + email + " (B2BFORUM_ORGANIZER_EMAIL) is switched off")
                .contains("B2BFORUM_ORGANIZER_PASSWORD_RESET=" + day + " did nothing: " + email + " is no organizer");
    }

    /** A day no run of the tests used before: its mark stays in the database. */
    private static LocalDate unusedDay() {
        return LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private void reset(String email, LocalDate day, LocalDate today) {
        Clock clock = Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        new OrganizerAccountInitializer(accounts, i18n, leases, throttle, clock, email, PASSWORD, "", false,
                day.toString())
                .afterSingletonsInstantiated();
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
