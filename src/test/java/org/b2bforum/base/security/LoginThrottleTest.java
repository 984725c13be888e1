package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The throttle against the real database: each instance here is a node (or a node after a restart) with a clock the
 * test moves by hand; they share what they count through the database, as the nodes of a cluster do.
 */
@ForumSpringTest
class LoginThrottleTest {

    /** A clock the test moves by hand; an hour ahead, so that the application's own clean-up leaves its rows alone. */
    static final class TestClock extends Clock {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1));

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

    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    AccountService accounts;
    @Autowired
    javax.sql.DataSource dataSource;

    private final TestClock clock = new TestClock();
    private LoginThrottle throttle;

    /** A node: its own throttle (its own memory, none), on the shared database and the test's clock. */
    private LoginThrottle node(Clock nodeClock) {
        return new LoginThrottle(nodeClock, jdbc, new LoginRecords(jdbc, nodeClock));
    }

    @BeforeEach
    void startNode() {
        throttle = node(clock);
    }

    private static String address() {
        return "10.20." + TestData.unique();
    }

    private static String email(String name) {
        return TestData.uniqueEmail(name);
    }

    private void fail(String email, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.loginFailed(email, address);
        }
    }

    @Test
    void five_failures_for_an_account_lock_it_for_a_minute_from_any_address_and_whether_it_exists_or_not() {
        String someone = email("someone");
        fail(someone, address(), 4);
        assertThat(throttle.loginLocked(someone, address())).isEmpty();

        fail(" " + someone.toUpperCase() + " ", address(), 1);

        assertThat(throttle.loginLocked(someone, address())).contains(Duration.ofMinutes(1));
        assertThat(throttle.loginLocked(email("other"), address())).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.loginLocked(someone, address())).isEmpty();
    }

    @Test
    void each_further_lock_lasts_twice_as_long_up_to_half_an_hour() {
        String guessed = email("guessed");
        Duration expected = Duration.ofMinutes(1);
        for (int lock = 0; lock < 7; lock++) {
            fail(guessed, address(), 5);
            assertThat(throttle.loginLocked(guessed, address())).contains(expected);
            clock.advance(expected);
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(30)) > 0 ? Duration.ofMinutes(30)
                    : expected.multipliedBy(2);
        }
    }

    @Test
    void a_day_without_a_lock_starts_the_doubling_again() {
        String guessed = email("guessed");
        fail(guessed, address(), 5);
        clock.advance(Duration.ofMinutes(1));
        fail(guessed, address(), 5);
        assertThat(throttle.loginLocked(guessed, address())).contains(Duration.ofMinutes(2));

        clock.advance(Duration.ofMinutes(2).plus(LoginThrottle.MEMORY).plusSeconds(1));
        fail(guessed, address(), 5);

        assertThat(throttle.loginLocked(guessed, address())).contains(Duration.ofMinutes(1));
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        String slow = email("slow");
        String from = address();
        fail(slow, from, 4);
        clock.advance(Duration.ofMinutes(16));
        fail(slow, from, 4);

        assertThat(throttle.loginLocked(slow, from)).isEmpty();
    }

    @Test
    void a_success_clears_the_accounts_failures_but_not_the_addresss() {
        String forgetful = email("forgetful");
        String from = address();
        fail(forgetful, from, 4);
        clock.advance(Duration.ofSeconds(1));
        throttle.loginSucceeded(forgetful, from);
        clock.advance(Duration.ofSeconds(1));
        fail(forgetful, from, 4);

        assertThat(throttle.loginLocked(forgetful, address())).isEmpty();
        for (int i = 0; i < 12; i++) {
            throttle.loginFailed(email("sprayed"), from);
        }
        assertThat(throttle.loginLocked(email("fresh"), from)).as("8 + 12 failures from the address").isPresent();
    }

    @Test
    void twenty_failures_from_one_address_over_many_accounts_lock_the_address() {
        String from = address();
        for (int i = 0; i < 20; i++) {
            throttle.loginFailed(email("user" + i), from);
        }

        assertThat(throttle.loginLocked(email("fresh"), from)).isPresent();
        assertThat(throttle.loginLocked(email("fresh"), address())).isEmpty();
    }

    @Test
    void anonymous_forms_are_refused_after_twenty_submissions_from_one_address() {
        String from = address();
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.formSubmitted(from)).isEmpty();
        }

        assertThat(throttle.formSubmitted(from)).contains(Duration.ofMinutes(5));
        assertThat(throttle.formSubmitted(from)).isPresent();
        assertThat(throttle.formSubmitted(address())).isEmpty();
        assertThat(throttle.formSubmitted(null)).as("no request, no address: start-up and demo data").isEmpty();
    }

    @Test
    void twenty_secret_links_asked_for_in_vain_lock_the_address_out_of_links_and_not_of_its_forms() {
        String from = address();
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.linkMissed(from)).isEmpty();
        }
        assertThat(throttle.linksLocked(from)).isEmpty();

        assertThat(throttle.linkMissed(from)).contains(Duration.ofMinutes(5));
        assertThat(throttle.linksLocked(from)).contains(Duration.ofMinutes(5));
        assertThat(node(clock).linksLocked(from)).as("every node refuses it").contains(Duration.ofMinutes(5));
        assertThat(throttle.linksLocked(address())).isEmpty();
        assertThat(throttle.linksLocked(null)).as("no request, no address").isEmpty();
        assertThat(throttle.formSubmitted(from)).as("its forms count apart").isEmpty();

        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.linksLocked(from)).isEmpty();
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.linkMissed(from)).isEmpty();
        }
        assertThat(throttle.linkMissed(from)).as("the second lock of the run").contains(Duration.ofMinutes(10));
    }

    @Test
    void a_long_address_that_is_no_ip_is_counted_for_links_too() {
        // a proxy's header may carry any text (Tomcat's RemoteIpValve trusts 10/8 and the like as proxies): it is kept
        // to its first 64 characters, which the forms' rows hold, but the links' rows put "link:" before it and the
        // insert failed ("Data too long"): the feed and the invitation page answered with an error, nothing counted
        String from = ("proxy-said-" + TestData.unique() + "-").repeat(8).substring(0, 64);
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.linkMissed(from)).isEmpty();
        }

        assertThat(throttle.linkMissed(from)).contains(Duration.ofMinutes(5));
        assertThat(throttle.linksLocked(from)).contains(Duration.ofMinutes(5));
    }

    @Test
    void an_address_locked_out_of_the_forms_may_still_read_its_links() {
        String from = address();
        while (throttle.formSubmitted(from).isEmpty()) {
            // the next submission
        }
        assertThat(throttle.linksLocked(from)).isEmpty();
        assertThat(throttle.linkMissed(from)).isEmpty();
    }

    @Test
    void two_nodes_count_the_failures_of_one_account_together_and_both_refuse_it() {
        LoginThrottle other = node(clock);
        String shared = email("shared");
        fail(shared, address(), 3);
        for (int i = 0; i < 2; i++) {
            other.loginFailed(shared, address());
        }

        assertThat(throttle.loginLocked(shared, address())).contains(Duration.ofMinutes(1));
        assertThat(other.loginLocked(shared, address())).contains(Duration.ofMinutes(1));
    }

    @Test
    void two_nodes_count_an_addresss_form_submissions_together_and_the_doubling_goes_on_across_them() {
        LoginThrottle other = node(clock);
        String from = address();
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.formSubmitted(from)).isEmpty();
        }
        for (int i = 0; i < 9; i++) {
            assertThat(other.formSubmitted(from)).isEmpty();
        }

        assertThat(other.formSubmitted(from)).contains(Duration.ofMinutes(5));
        assertThat(throttle.formSubmitted(from)).as("the first node refuses it too").contains(Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 19; i++) {
            assertThat((i % 2 == 0 ? throttle : other).formSubmitted(from)).isEmpty();
        }
        assertThat(throttle.formSubmitted(from)).as("the second lock of the run").contains(Duration.ofMinutes(10));
    }

    @Test
    void a_restarted_node_keeps_the_lock_and_the_count() {
        String locked = email("locked");
        String counted = email("counted");
        fail(locked, address(), 5);
        fail(counted, address(), 4);

        LoginThrottle restarted = node(clock);

        assertThat(restarted.loginLocked(locked, address())).contains(Duration.ofMinutes(1));
        restarted.loginFailed(counted, address());
        assertThat(restarted.loginLocked(counted, address())).as("4 before the restart, 1 after")
                .contains(Duration.ofMinutes(1));
    }

    @Test
    void a_password_typed_as_the_e_mail_locks_no_account_and_is_kept_nowhere() {
        String password = "Secret-" + TestData.unique() + "-Passw0rd";
        String from = address();
        fail(password, from, 5);

        assertThat(throttle.loginLocked(password, address())).isEmpty();
        assertThat(jdbc.getJdbcTemplate().queryForObject(
                "select count(*) from throttle_lock where subject like ?", Integer.class, "%" + password + "%"))
                .isZero();
    }

    @Test
    void an_account_whose_log_in_does_not_look_like_an_e_mail_is_counted_as_any_other() {
        String login = "chief-" + TestData.unique() + "@localhost";
        jdbc.getJdbcTemplate().update("insert into app_user (email, password_hash, display_name, role, created_at) "
                + "values (?, 'x', 'Chief', 'ORGANIZER', now(6))", login);

        fail(login.toUpperCase(), address(), 5);

        assertThat(throttle.loginLocked(login, address())).contains(Duration.ofMinutes(1));
    }

    @Test
    void old_submissions_and_locks_are_deleted() {
        TestClock twoDaysAgo = new TestClock();
        twoDaysAgo.advance(Duration.ofDays(-2).minusHours(1));
        LoginThrottle then = node(twoDaysAgo);
        String from = address();
        while (then.formSubmitted(from).isEmpty()) {
            // until locked
        }
        assertThat(rowsOf(from)).isEqualTo(21);

        TestClock realNow = new TestClock();
        realNow.advance(Duration.ofHours(-1));
        node(realNow).forgetOld();

        assertThat(rowsOf(from)).isZero();
    }

    private int rowsOf(String address) {
        return jdbc.getJdbcTemplate().queryForObject("select (select count(*) from form_submission where address = ?) "
                + "+ (select count(*) from throttle_lock where subject = ?)", Integer.class, address, "form:" + address);
    }

    @Test
    void without_the_database_nothing_is_locked_and_nothing_is_thrown() {
        NamedParameterJdbcTemplate nowhere = new NamedParameterJdbcTemplate(
                new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:1/forum?connectTimeout=500", "forum", ""));
        LoginThrottle cut = new LoginThrottle(clock, nowhere, new LoginRecords(nowhere, clock));
        String from = address();

        for (int i = 0; i < 25; i++) {
            cut.loginFailed(email("outage"), from);
            assertThat(cut.formSubmitted(from)).isEmpty();
        }
        cut.loginSucceeded(email("outage"), from);

        assertThat(cut.loginLocked(email("outage"), from)).isEmpty();
    }

    @Test
    void log_ins_that_fail_because_the_accounts_cannot_be_read_lock_nothing() {
        LoginGuard guard = new LoginGuard(throttle);
        String someone = email("someone");
        String from = address();
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                someone, "right-password");
        attempt.setDetails(new WebAuthenticationDetails(from, null));

        for (int i = 0; i < 30; i++) {
            guard.failed(new AuthenticationFailureServiceExceptionEvent(attempt,
                    new InternalAuthenticationServiceException("Could not open JPA EntityManager")));
        }

        assertThat(throttle.loginLocked(someone, from)).isEmpty();
    }

    /** A /64 network of the test's own: addresses in it are {@code <prefix>:<any four hextets>}. */
    private static String ipv6Network() {
        long n = TestData.unique().hashCode() & 0xffffL;
        return "2001:db8:" + Long.toHexString(n) + ":" + Long.toHexString(System.nanoTime() & 0xffff);
    }

    @Test
    void an_ipv6_client_is_counted_by_its_64_network_so_changing_addresses_in_it_escapes_nothing() {
        String network = ipv6Network();
        for (int i = 0; i < 19; i++) {
            throttle.loginFailed(email("spray" + i), network + ":0:0:0:" + Integer.toHexString(i + 1));
        }
        assertThat(throttle.loginLocked(email("next"), network + "::ffff")).isEmpty();
        // the same network written in full, in capitals, with a zone: as a proxy's header may give it
        String written = network.toUpperCase() + ":00ab:0:0:1%eth0";
        throttle.loginFailed(email("spray"), written);

        assertThat(throttle.loginLocked(email("next"), network + ":dead:beef:1:2")).contains(Duration.ofMinutes(1));
        assertThat(throttle.loginLocked(email("next"), "[" + network + "::7]")).contains(Duration.ofMinutes(1));
        assertThat(throttle.loginLocked(email("next"), "2001:db9::1")).as("another network").isEmpty();
        assertThat(jdbc.queryForList("select address from login_attempt where network = :network",
                java.util.Map.of("network", ClientAddress.network(written)), String.class))
                .as("the records keep each address, in its usual form").hasSize(20)
                .contains(network + ":ab::1%eth0");
    }

    @Test
    void anonymous_forms_are_counted_by_the_ipv6_network_and_an_ipv4_mapped_address_as_its_ipv4_address() {
        String network = ipv6Network();
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.formSubmitted(network + ":" + Integer.toHexString(i + 1) + "::1")).isEmpty();
        }
        assertThat(throttle.formSubmitted(network + "::abcd")).contains(Duration.ofMinutes(5));

        int n = TestData.unique().hashCode() ^ (int) System.nanoTime();
        String v4 = "11." + (n >>> 16 & 255) + "." + (n >>> 8 & 255) + "." + (n & 255);
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.formSubmitted(i % 2 == 0 ? v4 : "::ffff:" + v4)).isEmpty();
        }
        assertThat(throttle.formSubmitted("::FFFF:" + v4)).contains(Duration.ofMinutes(5));
        assertThat(throttle.formSubmitted(v4)).isPresent();
    }

    @Test
    void an_ipv6_address_is_recorded_and_shown_in_its_usual_compressed_form() {
        String typed = email("local");
        throttle.loginFailed(typed, "0:0:0:0:0:0:0:1");
        jdbc.update("insert into login_attempt (attempted_at, email, address, network, outcome, refused) values "
                + "(:at, :email, '2001:0DB8:0:0:1:0:0:0', '2001:db8:0:0::/64', 'FAILURE', 1)",
                java.util.Map.of("at", java.sql.Timestamp.from(clock.instant()), "email", typed));
        TestData.logInAsOrganizer(accounts);
        try {
            assertThat(new LoginRecords(jdbc, clock).attempts(typed, null, 0, 10)).extracting(LoginAttempt::address)
                    .as("recorded so, and an older record written in full shown so").contains("::1", "2001:db8:0:0:1::");
        } finally {
            TestData.logOut();
        }
    }

    @Test
    void older_records_written_in_the_long_ipv6_form_are_found_by_the_address_as_it_is_shown() throws Exception {
        String typed = email("old");
        String group = Integer.toHexString(TestData.unique().hashCode() & 0x7fff | 0x1000);
        // as the records were written before the addresses were compressed (stop 43 and earlier)
        jdbc.update("insert into login_attempt (attempted_at, email, address, network, outcome, refused) values "
                + "(:at, :email, :address, null, 'FAILURE', 1)", java.util.Map.of("at",
                        java.sql.Timestamp.from(clock.instant()), "email", typed, "address", "2001:0DB8:0:0:0:0:" + group + ":1"));
        try (java.sql.Connection connection = dataSource.getConnection()) {
            V38__CompressedAddressesOfOldLoginRecords.compress(connection);
        }
        TestData.logInAsOrganizer(accounts);
        try {
            assertThat(new LoginRecords(jdbc, clock).attempts("2001:db8::" + group + ":1", null, 0, 10))
                    .extracting(LoginAttempt::email).containsExactly(typed);
        } finally {
            TestData.logOut();
        }
        assertThat(jdbc.getJdbcTemplate().queryForObject(
                "select success from flyway_schema_history where version = '38'", Boolean.class))
                .as("the migration ran at the start").isTrue();
    }

    @Test
    void an_address_in_its_usual_form() {
        assertThat(ClientAddress.shown("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(ClientAddress.shown("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(ClientAddress.shown("2001:0DB8:0:0:0:0:0:7")).isEqualTo("2001:db8::7");
        assertThat(ClientAddress.shown("2001:db8:0:1:0:0:0:1")).as("the longest run of zeros").isEqualTo("2001:db8:0:1::1");
        assertThat(ClientAddress.shown("2001:db8:0:0:1:0:0:1")).as("the first of two as long").isEqualTo("2001:db8::1:0:0:1");
        assertThat(ClientAddress.shown("2001:db8:1:1:1:1:0:1")).as("one zero group stays").isEqualTo("2001:db8:1:1:1:1:0:1");
        assertThat(ClientAddress.shown("1:0:0:0:0:0:0:0")).isEqualTo("1::");
        assertThat(ClientAddress.shown("fe80:0:0:0:0:0:0:1%eth0")).isEqualTo("fe80::1%eth0");
        assertThat(ClientAddress.shown("[::1]")).isEqualTo("::1");
        assertThat(ClientAddress.shown("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddress.shown("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddress.shown("unknown")).isEqualTo("unknown");
        assertThat(ClientAddress.shown(null)).isNull();
    }

    @Test
    void the_network_of_an_address() {
        assertThat(ClientAddress.network("2001:db8:a:b:c:d:e:f")).isEqualTo("2001:db8:a:b::/64");
        assertThat(ClientAddress.network("2001:0DB8:000a:000b::1")).isEqualTo("2001:db8:a:b::/64");
        assertThat(ClientAddress.network("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
        assertThat(ClientAddress.network("fe80::1%2")).isEqualTo("fe80:0:0:0::/64");
        assertThat(ClientAddress.network("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddress.network("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddress.network("1:2")).as("no address: kept as it came").isEqualTo("1:2");
        assertThat(ClientAddress.network("unknown")).isEqualTo("unknown");
        assertThat(ClientAddress.network(null)).isNull();
    }

    private int lockedRecords(String address) {
        return jdbc.queryForObject("select count(*) from login_attempt where address = :address and outcome = 'LOCKED'",
                java.util.Map.of("address", address), Integer.class);
    }

    /** A log-in through the guard's filter: where it sends the browser when locked, null when it lets it through. */
    private String logIn(LoginGuard guard, String email, String from) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setParameter("username", email);
        request.setRemoteAddr(from);
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.filter().doFilter(request, response, new MockFilterChain());
        return response.getRedirectedUrl();
    }

    @Test
    void a_node_records_one_refused_attempt_a_minute_per_lock_carrying_the_count_of_the_others() throws Exception {
        LoginGuard guard = new LoginGuard(throttle);
        String from = address();
        fail(email("spray"), from, 20);
        for (int i = 0; i < 50; i++) {
            assertThat(logIn(guard, email("rotating" + i), from)).isEqualTo("/login?locked=1");
        }
        assertThat(lockedRecords(from)).as("one row for 50 refusals, however the e-mail changes").isEqualTo(1);

        clock.advance(Duration.ofSeconds(30));
        logIn(guard, email("again"), from);
        assertThat(lockedRecords(from)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(31));
        assertThat(logIn(guard, email("again"), from)).as("the lock is over").isNull();
        fail(email("spray"), from, 20);
        assertThat(logIn(guard, email("again"), from)).isEqualTo("/login?locked=2");

        assertThat(lockedRecords(from)).isEqualTo(2);
        assertThat(jdbc.queryForList("select refused from login_attempt where address = :address and outcome = "
                + "'LOCKED' order by attempted_at", java.util.Map.of("address", from), Integer.class))
                .as("the first refusal, then this one with the 50 since the first").containsExactly(1, 51);
    }
}
