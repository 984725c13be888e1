package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-09-18T07:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String email, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.loginFailed(email, address);
        }
    }

    @Test
    void five_failures_for_an_account_lock_it_for_a_minute_from_any_address_and_whether_it_exists_or_not() {
        fail("someone@forum.by", "10.0.0.1", 4);
        assertThat(throttle.loginLocked("someone@forum.by", "10.0.0.2")).isEmpty();

        fail(" SomeOne@forum.by ", "10.0.0.3", 1);

        assertThat(throttle.loginLocked("someone@forum.by", "10.0.0.4")).contains(Duration.ofMinutes(1));
        assertThat(throttle.loginLocked("other@forum.by", "10.0.0.4")).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.loginLocked("someone@forum.by", "10.0.0.4")).isEmpty();
    }

    @Test
    void each_further_lock_lasts_twice_as_long_up_to_half_an_hour() {
        Duration expected = Duration.ofMinutes(1);
        for (int lock = 0; lock < 7; lock++) {
            fail("guessed@forum.by", "10.0.1." + lock, 5);
            assertThat(throttle.loginLocked("guessed@forum.by", "10.0.9.9")).contains(expected);
            clock.advance(expected);
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(30)) > 0 ? Duration.ofMinutes(30)
                    : expected.multipliedBy(2);
        }
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        fail("slow@forum.by", "10.0.2.1", 4);
        clock.advance(Duration.ofMinutes(16));
        fail("slow@forum.by", "10.0.2.1", 4);

        assertThat(throttle.loginLocked("slow@forum.by", "10.0.2.1")).isEmpty();
    }

    @Test
    void a_success_clears_the_accounts_failures_but_not_the_addresss() {
        fail("forgetful@forum.by", "10.0.3.1", 4);
        throttle.loginSucceeded("forgetful@forum.by");
        fail("forgetful@forum.by", "10.0.3.1", 4);

        assertThat(throttle.loginLocked("forgetful@forum.by", "10.0.3.1")).isEmpty();
    }

    @Test
    void twenty_failures_from_one_address_over_many_accounts_lock_the_address() {
        for (int i = 0; i < 20; i++) {
            throttle.loginFailed("user" + i + "@forum.by", "10.0.4.1");
        }

        assertThat(throttle.loginLocked("fresh@forum.by", "10.0.4.1")).isPresent();
        assertThat(throttle.loginLocked("fresh@forum.by", "10.0.4.2")).isEmpty();
    }

    @Test
    void anonymous_forms_are_refused_after_twenty_submissions_from_one_address() {
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.formSubmitted("10.0.5.1")).isEmpty();
        }

        assertThat(throttle.formSubmitted("10.0.5.1")).contains(Duration.ofMinutes(5));
        assertThat(throttle.formSubmitted("10.0.5.1")).isPresent();
        assertThat(throttle.formSubmitted("10.0.5.2")).isEmpty();
        assertThat(throttle.formSubmitted(null)).as("no request, no address: start-up and demo data").isEmpty();
    }

    @Test
    void log_ins_that_fail_because_the_accounts_cannot_be_read_lock_nothing() {
        LoginGuard guard = new LoginGuard(throttle, new LoginRecords(null, clock) {
            @Override
            void record(String typedEmail, String address, LoginOutcome outcome) {
                // no database here (nor in the outage)
            }
        });
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                "someone@forum.by", "right-password");
        attempt.setDetails(new WebAuthenticationDetails("10.0.6.1", null));

        for (int i = 0; i < 30; i++) {
            guard.failed(new AuthenticationFailureServiceExceptionEvent(attempt,
                    new InternalAuthenticationServiceException("Could not open JPA EntityManager")));
        }

        assertThat(throttle.loginLocked("someone@forum.by", "10.0.6.1")).isEmpty();
    }
}
