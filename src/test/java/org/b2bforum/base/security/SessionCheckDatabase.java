package org.b2bforum.base.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.b2bforum.base.database.DatabaseToStop;
import org.b2bforum.base.i18n.Languages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The session check on a real embedded MariaDB of a test's own (one account's row, the account signed in on this
 * thread) through a pool of two connections: the test kills the database or holds the connections. The check waits
 * {@code busyWait} for a busy pool.
 */
final class SessionCheckDatabase implements AutoCloseable {

    final DatabaseToStop database;
    final HikariDataSource pool;
    final JdbcTemplate jdbc;
    final SessionEpochFilter filter;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final AccountService accounts;

    SessionCheckDatabase(String dataDir, long connectionTimeoutMillis, Duration busyWait) {
        this(dataDir, connectionTimeoutMillis, busyWait, true);
    }

    /**
     * ... where the driver's handshake waits 30 s for a server just started ({@code patientHandshake}) or, as in
     * production, the time HikariCP derives from the pool's time-out (at least 1 s), which a frozen database runs out.
     */
    SessionCheckDatabase(String dataDir, long connectionTimeoutMillis, Duration busyWait, boolean patientHandshake) {
        database = DatabaseToStop.start(dataDir);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername("root");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(connectionTimeoutMillis);
        // the driver's handshake gets its own 30 s, not the 1 s HikariCP derives from a short time-out: a server just
        // started answered it later than that at load 40 (stop 45), and the pool failed to start
        if (patientHandshake) {
            config.addDataSourceProperty("connectTimeout", "30000");
        }
        pool = new HikariDataSource(config);
        jdbc = new JdbcTemplate(pool);
        // the columns the session check reads (it reads the company's status with it: an organizer has none)
        jdbc.execute("create table company (id bigint primary key, status varchar(32) not null)");
        jdbc.execute("create table app_user (id bigint primary key, enabled boolean not null, demo boolean not null,"
                + " session_epoch int not null, company_id bigint null)");
        // and the forum's wishes phase (no row: none read)
        jdbc.execute("create table booking_settings (id bigint primary key, wishes_phase boolean not null)");
        jdbc.update("insert into app_user values (1, true, false, 0, null)");
        accounts = new AccountService(null, new NamedParameterJdbcTemplate(pool), null, Clock.systemUTC(), null,
                new MockEnvironment(), event -> { }, new RecentSessionChecks(Duration.ZERO, Clock.systemUTC()));
        filter = filter(busyWait);
        signIn();
    }

    /** Another session check on the same database and pool, which waits {@code busyWait} for a busy pool. */
    SessionEpochFilter filter(Duration busyWait) {
        return filter(busyWait, 40);
    }

    /** ... of which at most {@code maxWaiting} requests wait at once. */
    SessionEpochFilter filter(Duration busyWait, int maxWaiting) {
        // every request reads: these tests are about the check's statement (RecentSessionChecks has its own)
        return new SessionEpochFilter(accounts, contexts, new DefaultI18NProvider(Languages.ALL), busyWait,
                maxWaiting, new RecentSessionChecks(Duration.ZERO, Clock.systemUTC()));
    }

    /** The account, at its session epoch 0, signed in on this thread. */
    void signIn() {
        jdbc.update("update app_user set session_epoch = 0 where id = 1");
        signInOnThisThread();
    }

    /** The account signed in on this thread too, as its session's cookie does for each of its requests. */
    void signInOnThisThread() {
        ForumUser user = new ForumUser(1, "office@forum.example.org", "", true, "Office", Role.ORGANIZER, null, null,
                0);
        contexts.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** When the request reached the rest of the chain (nanoTime, 0 if never), and as whom. */
    static final class Reached implements FilterChain {
        final AtomicLong at = new AtomicLong();
        final AtomicReference<Authentication> who = new AtomicReference<>();

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) {
            at.set(System.nanoTime());
            who.set(SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication());
        }
    }

    /** No one signed in on this thread. */
    void signOut() {
        contexts.clearContext();
    }

    /** A Vaadin request (a click, a navigation) of the session. */
    static MockHttpServletRequest uidl(MockHttpSession session) {
        return vaadin("uidl", session);
    }

    /** A Vaadin request of the given kind ({@code v-r}: uidl, heartbeat) of the session. */
    static MockHttpServletRequest vaadin(String kind, MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setQueryString("v-r=" + kind + "&v-uiId=0");
        request.setParameter("v-r", kind);
        request.setSession(session);
        return request;
    }

    @Override
    public void close() {
        signOut();
        pool.close();
        database.close();
    }
}
