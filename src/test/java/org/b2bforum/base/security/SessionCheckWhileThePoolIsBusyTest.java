package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.b2bforum.base.security.SessionCheckDatabase.uidl;
import static org.b2bforum.base.security.SessionCheckDatabase.vaadin;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * A signed-in user's request while every pooled connection is held by other work and the database itself is fine (the
 * booking rush), told from one while the database is gone: a real embedded MariaDB of the class's own, and a pool of
 * two connections whose time-out is HikariCP's shortest. One database for the class, each test with a session check of
 * its own on it: a fresh MariaDB's start and stop for each of the seven tests was about 3 s of the class's 10 s
 * (bench/README.md, run-suite, stop 45).
 */
class SessionCheckWhileThePoolIsBusyTest {

    private static final long POOL_TIME_OUT_MILLIS = 250;

    /**
     * How long the first tests' other work holds every connection: more than three of the pool's time-outs, so the
     * check asks the pool again and again before one is free.
     */
    private static final Duration SPELL = Duration.ofMillis(800);

    /** A wait for a busy pool that two of its time-outs pass: the check asks twice, then refuses. */
    private static final Duration SHORT_WAIT = Duration.ofMillis(300);

    private static SessionCheckDatabase db;

    private final MockHttpSession session = new MockHttpSession();
    private final SessionCheckDatabase.Reached vaadin = new SessionCheckDatabase.Reached();
    private SessionEpochFilter filter;

    @BeforeAll
    static void startDatabase() {
        db = new SessionCheckDatabase("target/it-session-busy-mariadb", POOL_TIME_OUT_MILLIS, Duration.ZERO);
    }

    @AfterAll
    static void stopDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void signedIn() {
        db.signIn();
    }

    @AfterEach
    void signedOut() {
        db.signOut();
    }

    @Test
    void a_session_ended_meanwhile_does_not_act_while_every_connection_is_busy_and_ends_once_one_is_free()
            throws Exception {
        start(Duration.ofSeconds(30));
        // an organizer switched the log-in off (or the password was changed) after this user logged in
        db.jdbc.update("update app_user set session_epoch = 1 where id = 1");

        long freedAt = runWhileEveryConnectionIsBusyFor(SPELL,
                () -> filter.doFilter(uidl(session), new MockHttpServletResponse(), vaadin));

        // before, the pool's time-out counted as "database away" and the click went on to Vaadin unchecked after
        // 250 ms, signed in, where its own work could find a connection a moment later
        assertThat(vaadin.at.get()).as("the click waits for the check, several of the pool's time-outs")
                .isGreaterThanOrEqualTo(freedAt);
        assertThat(session.isInvalid()).as("and once a connection is free, the session ends").isTrue();
        assertThat(vaadin.who.get()).as("the click goes on anonymously: Vaadin says 'session expired'").isNull();
    }

    @Test
    void a_valid_session_carries_on_signed_in_once_a_connection_is_free() throws Exception {
        start(Duration.ofSeconds(30));
        MockHttpServletResponse response = new MockHttpServletResponse();

        long freedAt = runWhileEveryConnectionIsBusyFor(SPELL,
                () -> filter.doFilter(uidl(session), response, vaadin));

        assertThat(vaadin.at.get()).isGreaterThanOrEqualTo(freedAt);
        assertThat(vaadin.who.get()).as("the click runs as its user").isNotNull();
        assertThat(session.isInvalid()).isFalse();
        assertThat(response.getStatus()).as("nothing for Vaadin's client to reconnect from").isEqualTo(200);
    }

    @Test
    void past_the_wait_a_click_and_a_page_are_refused_in_the_way_they_recover_from_by_themselves() throws Exception {
        start(SHORT_WAIT);
        MockHttpServletResponse click = new MockHttpServletResponse();
        MockHttpServletResponse page = new MockHttpServletResponse();
        MockHttpServletRequest pageRequest = new MockHttpServletRequest("GET", "/meetings");
        pageRequest.setSession(session);

        List<Connection> held = holdEveryConnection();
        try {
            filter.doFilter(uidl(session), click, vaadin);
            filter.doFilter(pageRequest, page, vaadin);
        } finally {
            release(held);
        }

        assertThat(vaadin.at.get()).as("neither runs unchecked").isZero();
        // a 503 here left Vaadin's "reconnecting" bar up after the click had gone through (review51, reverted)
        assertThat(click.getStatus()).isEqualTo(200);
        assertThat(click.getContentAsString()).as("Vaadin's client loads the page again").isEqualTo("Vaadin-Refresh");
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("10");
        assertThat(page.getContentAsString()).contains("<meta http-equiv=\"refresh\" content=\"10\">",
                "Сервис сейчас перегружен", "The service is busy right now")
                .doesNotContain("Exception", "at org.", "at com.");
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void past_the_places_to_wait_in_a_click_is_refused_at_once_while_the_others_wait() throws Exception {
        filter = db.filter(Duration.ofSeconds(30), 1);
        SessionCheckDatabase.Reached waiter = new SessionCheckDatabase.Reached();
        MockHttpServletResponse refused = new MockHttpServletResponse();

        List<Connection> held = holdEveryConnection();
        CompletableFuture<Void> waiting;
        long answeredAt;
        try {
            waiting = CompletableFuture.runAsync(() -> {
                db.signInOnThisThread();
                try {
                    filter.doFilter(uidl(new MockHttpSession()), new MockHttpServletResponse(), waiter);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the first click has met the pool's time-out and taken the one place
            Thread.sleep(6 * POOL_TIME_OUT_MILLIS);
            filter.doFilter(uidl(session), refused, vaadin);
            answeredAt = System.nanoTime();
        } finally {
            release(held);
        }
        waiting.get(10, TimeUnit.SECONDS);

        // before, every click waited up to the whole wait, and a long freeze held all of Tomcat's threads
        assertThat(answeredAt).as("the second click is answered while the first still waits")
                .isLessThan(waiter.at.get());
        assertThat(refused.getContentAsString()).isEqualTo("Vaadin-Refresh");
        assertThat(vaadin.at.get()).as("refused, not let through unchecked").isZero();
        assertThat(waiter.who.get()).as("the one waiting carries on signed in once a connection is free")
                .isNotNull();
    }

    @Test
    void a_place_to_wait_in_is_given_back_when_its_wait_runs_out() throws Exception {
        filter = db.filter(SHORT_WAIT, 1);
        MockHttpServletResponse first = new MockHttpServletResponse();
        MockHttpServletResponse second = new MockHttpServletResponse();

        List<Connection> held = holdEveryConnection();
        long waited;
        try {
            filter.doFilter(uidl(session), first, vaadin); // takes the one place, and is refused past the wait
            long start = System.nanoTime();
            filter.doFilter(uidl(session), second, vaadin);
            waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            release(held);
        }

        assertThat(first.getContentAsString()).isEqualTo("Vaadin-Refresh");
        assertThat(second.getContentAsString()).isEqualTo("Vaadin-Refresh");
        // a place kept after its wait (review59's check) would refuse every later click at once, for good: the pool
        // not even asked, the log-in page's users sent to the busy page until a restart
        assertThat(waited).as("the second click asks the pool and waits in the place the first gave back")
                .isGreaterThanOrEqualTo(SHORT_WAIT.toMillis() - 50);
        assertThat(vaadin.at.get()).as("neither runs unchecked").isZero();
    }

    @Test
    void a_heartbeat_does_not_wait_for_a_busy_pool_as_it_acts_on_nothing() throws Exception {
        start(Duration.ofSeconds(30));
        MockHttpServletResponse heartbeat = new MockHttpServletResponse();
        long before = System.nanoTime();

        List<Connection> held = holdEveryConnection();
        try {
            filter.doFilter(vaadin("heartbeat", session), heartbeat, vaadin);
        } finally {
            release(held);
        }

        assertThat(vaadin.at.get()).as("it goes on after one of the pool's time-outs, not the 30 s wait")
                .isBetween(before, before + Duration.ofSeconds(10).toNanos());
        assertThat(heartbeat.getStatus()).isEqualTo(200);
    }

    @Test
    void a_click_that_names_a_heartbeat_elsewhere_in_its_address_is_checked_as_the_click_it_is() throws Exception {
        start(SHORT_WAIT);
        // the session ended meanwhile (the log-in switched off): its cookie must not act while the pool is busy
        db.jdbc.update("update app_user set session_epoch = 1 where id = 1");
        // Vaadin reads the kind from the parameter v-r (its first value, names decoded): each of these is a click
        for (String query : List.of("v-r=uidl&v-uiId=0&x=v-r=heartbeat", "v%2Dr=uidl&v-r=heartbeat&v-uiId=0")) {
            MockHttpServletRequest click = new MockHttpServletRequest("POST", "/");
            click.setQueryString(query);
            click.setParameter("v-r", "uidl", "heartbeat");
            click.setSession(session);
            MockHttpServletResponse response = new MockHttpServletResponse();

            List<Connection> held = holdEveryConnection();
            try {
                filter.doFilter(click, response, vaadin);
            } finally {
                release(held);
            }

            // before, the filter took any address containing "v-r=heartbeat" for a heartbeat: the click went on
            // unchecked after one of the pool's time-outs, signed in
            assertThat(vaadin.at.get()).as("%s does not run unchecked", query).isZero();
            assertThat(response.getContentAsString()).as("%s is refused as a click", query).isEqualTo("Vaadin-Refresh");
            assertThat(session.isInvalid()).isFalse();
        }
    }

    @Test
    void the_busy_page_is_in_the_language_the_visitor_chose_first() throws Exception {
        start(Duration.ZERO);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/meetings");
        request.setSession(session);
        request.setCookies(new Cookie("b2bforum-lang", "en"));
        MockHttpServletResponse busy = new MockHttpServletResponse();

        List<Connection> held = holdEveryConnection();
        try {
            filter.doFilter(request, busy, (req, res) -> { });
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
        start(Duration.ZERO);
        List<Connection> held = holdEveryConnection();
        Throwable busy = catchThrowable(db.pool::getConnection);
        release(held);

        assertThat(busy).isInstanceOf(SQLTransientConnectionException.class).hasNoCause();
        assertThat(PoolExhausted.isCause(busy)).as("busy").isTrue();

        db.database.kill();
        Throwable away;
        try {
            db.pool.getHikariPoolMXBean().softEvictConnections();
            away = catchThrowable(db.pool::getConnection);
            // until the pool's first attempt to open a connection has failed, its time-out has nothing to carry (the
            // session check asks again meanwhile; seen carrying the failure at the first try)
            for (int tries = 0; tries < 10 && away.getCause() == null; tries++) {
                away = catchThrowable(db.pool::getConnection);
            }
        } finally {
            // back for the class's other tests, whatever this one finds
            db.database.startAgainAndWaitFor(db.pool);
        }

        assertThat(away).isInstanceOf(SQLTransientConnectionException.class).hasRootCauseInstanceOf(
                ConnectException.class);
        assertThat(PoolExhausted.isCause(away)).as("away").isFalse();
        assertThat(DatabaseUnavailable.isCause(away)).isTrue();

        held = holdEveryConnection();
        Throwable busyAgain = catchThrowable(db.pool::getConnection);
        release(held);

        assertThat(busyAgain).as("the pool forgets the outage at the first connection it opens").hasNoCause();
        assertThat(PoolExhausted.isCause(busyAgain)).isTrue();
    }

    /** The test's session check on the class's database, which waits {@code busyWait} while the pool is busy. */
    private void start(Duration busyWait) {
        filter = db.filter(busyWait);
    }

    private interface Request {
        void run() throws Exception;
    }

    /** Runs the request on this thread while other work holds every connection; returns when they were freed. */
    private long runWhileEveryConnectionIsBusyFor(Duration spell, Request request) throws Exception {
        List<Connection> held = holdEveryConnection();
        CompletableFuture<Long> freed = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(spell.toMillis());
                long at = System.nanoTime();
                release(held);
                return at;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        request.run();
        return freed.get(10, TimeUnit.SECONDS);
    }

    /** What a rush does to the pool: other requests hold every connection while the database answers in no time. */
    private List<Connection> holdEveryConnection() throws Exception {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < db.pool.getMaximumPoolSize(); i++) {
            held.add(db.pool.getConnection());
        }
        return held;
    }

    private static void release(List<Connection> held) throws Exception {
        for (Connection connection : held) {
            connection.close();
        }
    }
}
