package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What a kept session check may answer for (the filter's way through the application: LoginAndSessionsTest). */
class RecentSessionChecksTest {

    private static final AccountService.SessionCheck VALID = new AccountService.SessionCheck(true, "APPROVED", false);

    /** A clock moved by hand (LoginThrottleTest's). */
    private final LoginThrottleTest.TestClock clock = new LoginThrottleTest.TestClock();
    private final RecentSessionChecks checks = new RecentSessionChecks(Duration.ofSeconds(2), clock);

    private static ForumUser user(long id, int sessionEpoch) {
        return new ForumUser(id, "u" + id + "@forum.test", "", true, "U", Role.COMPANY, 7L, null, sessionEpoch);
    }

    private void read(ForumUser user, AccountService.SessionCheck check) {
        checks.keep(user, check, checks.now(), checks.beforeReading());
    }

    @Test
    void a_valid_check_is_taken_for_two_seconds_and_then_read_again() {
        read(user(1, 0), VALID);

        clock.advance(Duration.ofMillis(1_999));
        assertThat(checks.valid(user(1, 0))).isEqualTo(VALID);
        assertThat(checks.valid(user(2, 0))).as("another log-in").isNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(checks.valid(user(1, 0))).isNull();
    }

    @Test
    void a_session_of_another_epoch_and_a_session_found_ended_read_again() {
        read(user(1, 0), VALID);
        read(user(2, 0), new AccountService.SessionCheck(false, "APPROVED", false));

        assertThat(checks.valid(user(1, 1))).as("logged in again after a password change").isNull();
        assertThat(checks.valid(user(2, 0))).as("an ended session is never kept").isNull();
    }

    @Test
    void a_change_forgets_every_check_and_a_check_read_across_a_change_is_not_kept() {
        read(user(1, 0), VALID);
        checks.changed();
        assertThat(checks.valid(user(1, 0))).isNull();

        long before = checks.beforeReading();
        long readAt = checks.now();
        // the account switched off while its check was being read: the row the check read may be the old one
        checks.changed();
        checks.keep(user(1, 0), VALID, readAt, before);
        assertThat(checks.valid(user(1, 0))).isNull();
    }

    @Test
    void no_reuse_keeps_nothing() {
        RecentSessionChecks none = new RecentSessionChecks(Duration.ZERO, clock);
        none.keep(user(1, 0), VALID, none.now(), none.beforeReading());

        assertThat(none.valid(user(1, 0))).isNull();
    }
}
