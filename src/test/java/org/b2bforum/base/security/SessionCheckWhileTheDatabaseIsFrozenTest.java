package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.b2bforum.base.security.SessionCheckDatabase.uidl;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * A signed-in user's click while the database's process is stopped (SIGSTOP, as a stalled disk would stop it: it keeps
 * its port, the kernel takes connections for it, nobody answers) for longer than the driver's connect time-out: a real
 * embedded MariaDB of the test's own through a pool of two connections with HikariCP's shortest time-out.
 */
class SessionCheckWhileTheDatabaseIsFrozenTest {

    @Test
    void a_session_ended_before_a_long_freeze_does_not_act_when_the_database_answers_again() throws Exception {
        try (SessionCheckDatabase db = new SessionCheckDatabase("target/it-session-frozen-mariadb", 250,
                Duration.ofSeconds(30), false)) {
            clickDuringALongFreeze(db);
        }
    }

    private static void clickDuringALongFreeze(SessionCheckDatabase db) throws Exception {
        MockHttpSession session = new MockHttpSession();
        SessionCheckDatabase.Reached vaadin = new SessionCheckDatabase.Reached();
        // an organizer switched the log-in off (or the password was changed) after this user logged in
        db.jdbc.update("update app_user set session_epoch = 1 where id = 1");

        db.database.freeze();
        // its idle connections found dead at once rather than one check's time-out after the other
        db.pool.getHikariPoolMXBean().softEvictConnections();
        // the pool finds its connections dead and cannot open new ones. Seen (review58): for the first seconds its
        // time-out carries the driver's "setNetworkTimeout cannot be called on a closed connection" (or nothing), then,
        // each time the driver's connect time-out (HikariCP sets it from the pool's, at least 1 s) has run out before
        // the server's greeting, "Socket timeout when connecting ... Read timed out"
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        Throwable frozen = null;
        while (!(rootCause(frozen) instanceof SocketTimeoutException) && System.nanoTime() < deadline) {
            // past HikariCP's 500 ms in which a connection just used is handed out without a check
            Thread.sleep(600);
            frozen = catchThrowable(() -> db.pool.getConnection().close());
        }
        assertThat(rootCause(frozen)).as("the driver's time-out reading the server's greeting")
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(DatabaseUnavailable.isCause(frozen)).isTrue();
        assertThat(PoolExhausted.isCause(frozen)).as("a frozen database is busy, not away").isTrue();

        CompletableFuture<Long> thawed = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(1500);
                long at = System.nanoTime();
                db.database.thaw();
                return at;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        db.filter.doFilter(uidl(session), new MockHttpServletResponse(), vaadin);

        // before, the time-out counted as "database away" and the click went on to Vaadin unchecked and signed in,
        // where its own work found a connection once the database went on
        assertThat(vaadin.at.get()).as("the click waits for the check until the database answers")
                .isGreaterThanOrEqualTo(thawed.get(10, TimeUnit.SECONDS));
        assertThat(session.isInvalid()).as("then the session ends").isTrue();
        assertThat(vaadin.who.get()).as("and the click goes on anonymously: Vaadin says 'session expired'").isNull();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
