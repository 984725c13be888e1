package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.b2bforum.base.security.SessionCheckDatabase.uidl;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * A signed-in user's request while every pooled connection is held by other work and the database itself is fine (the
 * booking rush), told from one while the database is gone: a real embedded MariaDB of the test's own, and a pool of two
 * connections.
 */
class SessionCheckWhileThePoolIsBusyTest {

    private SessionCheckDatabase db;

    @BeforeEach
    void aDatabaseWithOneAccount() {
        // HikariCP's shortest time-out, so that the refused checks do not keep the test waiting
        db = new SessionCheckDatabase("target/it-session-busy-mariadb", 250);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void a_session_ended_meanwhile_does_not_act_while_every_connection_is_busy_and_ends_once_one_is_free()
            throws Exception {
        MockHttpSession session = new MockHttpSession();
        AtomicInteger reachedVaadin = new AtomicInteger();
        // an organizer switched the log-in off (or the password was changed) after this user logged in
        db.jdbc.update("update app_user set session_epoch = 1 where id = 1");

        MockHttpServletResponse busy = new MockHttpServletResponse();
        List<Connection> held = holdEveryConnection();
        try {
            db.filter.doFilter(uidl(session), busy, (req, res) -> reachedVaadin.incrementAndGet());
        } finally {
            release(held);
        }

        // before, the pool's time-out counted as "database away" and the click went on to Vaadin unchecked, where its
        // own work could find a connection a moment later
        assertThat(reachedVaadin).as("the request does not run unchecked").hasValue(0);
        assertThat(busy.getStatus()).as("Vaadin's client sends the message again, 'trying again' meanwhile")
                .isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("10");
        assertThat(busy.getContentAsString()).contains("Сервис сейчас перегружен", "The service is busy right now")
                .doesNotContain("Exception", "at org.", "at com.");

        db.filter.doFilter(uidl(session), new MockHttpServletResponse(),
                (req, res) -> reachedVaadin.incrementAndGet());

        assertThat(session.isInvalid()).as("the next request gets a connection, and the session ends").isTrue();
        assertThat(reachedVaadin).as("and goes on anonymously: Vaadin says 'session expired'").hasValue(1);
    }

    @Test
    void the_busy_answer_is_in_the_language_the_visitor_chose_first() throws Exception {
        MockHttpServletRequest request = uidl(new MockHttpSession());
        request.setCookies(new Cookie("b2bforum-lang", "en"));
        MockHttpServletResponse busy = new MockHttpServletResponse();

        List<Connection> held = holdEveryConnection();
        try {
            db.filter.doFilter(request, busy, (req, res) -> { });
        } finally {
            release(held);
        }

        String page = busy.getContentAsString();
        assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        assertThat(page.indexOf("The service is busy right now"))
                .isLessThan(page.indexOf("Сервис сейчас перегружен"));
    }

    @Test
    void the_pools_time_out_names_a_connection_failure_only_while_the_database_is_gone() throws Exception {
        List<Connection> held = holdEveryConnection();
        Throwable busy = catchThrowable(db.pool::getConnection);
        release(held);

        assertThat(busy).isInstanceOf(SQLTransientConnectionException.class).hasNoCause();
        assertThat(PoolExhausted.isCause(busy)).as("busy").isTrue();

        db.database.kill();
        db.pool.getHikariPoolMXBean().softEvictConnections();
        Throwable away = catchThrowable(db.pool::getConnection);
        // until the pool's first attempt to open a connection has failed, its time-out has nothing to carry, and a
        // request is answered "busy" (refused at once here: seen carrying the failure at the first try)
        for (int tries = 0; tries < 10 && away.getCause() == null; tries++) {
            away = catchThrowable(db.pool::getConnection);
        }

        assertThat(away).isInstanceOf(SQLTransientConnectionException.class).hasRootCauseInstanceOf(
                ConnectException.class);
        assertThat(PoolExhausted.isCause(away)).as("away").isFalse();
        assertThat(DatabaseUnavailable.isCause(away)).isTrue();

        db.database.startAgain();
        waitUntilThePoolConnectsAgain();
        held = holdEveryConnection();
        Throwable busyAgain = catchThrowable(db.pool::getConnection);
        release(held);

        assertThat(busyAgain).as("the pool forgets the outage at the first connection it opens").hasNoCause();
        assertThat(PoolExhausted.isCause(busyAgain)).isTrue();
    }

    /** What a rush does to the pool: other requests hold every connection while the database answers in no time. */
    private List<Connection> holdEveryConnection() throws Exception {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < db.pool.getMaximumPoolSize(); i++) {
            held.add(db.pool.getConnection());
        }
        return held;
    }

    private void waitUntilThePoolConnectsAgain() throws Exception {
        for (int tries = 0; ; tries++) {
            try {
                db.pool.getConnection().close();
                return;
            } catch (SQLTransientConnectionException stillAway) {
                if (tries == 40) {
                    throw stillAway;
                }
            }
        }
    }

    private static void release(List<Connection> held) throws Exception {
        for (Connection connection : held) {
            connection.close();
        }
    }
}
