package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pool, and Hibernate logging each transaction's failure to get a connection from it, meet the real
 * embedded MariaDB killed for over a minute, then started again on its port.
 * <p>
 * {@code @Isolated}: the filter is one per process, as the application's pool is, and any pool's "Established new
 * connection" tells it the database answers again. In surefire's one JVM a Spring class in the other lane (the
 * shared context's pool after FailedBackupTest's restart of its database) reopened a connection during this test's
 * outage, and the test's pool said "away" and "back" twice (bench/README.md, run-suite, stop 48).
 */
@Isolated
class PoolOutageLinesTest {

    @Test
    void the_pool_and_hibernate_each_say_in_one_line_without_a_trace_that_the_database_is_away_and_in_one_that_it_is_back()
            throws Exception {
        PoolOutageLines filter = new PoolOutageLines();
        Logger hikari = (Logger) LoggerFactory.getLogger("com.zaxxer.hikari");
        Logger hibernate = (Logger) LoggerFactory.getLogger(PoolOutageLines.HIBERNATE_LOGGER);
        // what Hibernate does with a failure of a transaction's statement or of its connection (logs it, then converts)
        SqlExceptionHelper statements = new SqlExceptionHelper(true);
        Logger health = (Logger) LoggerFactory.getLogger(PoolOutageLines.HEALTH_LOGGER);
        Logger ours = (Logger) LoggerFactory.getLogger(PoolOutageLines.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        filter.install();
        hikari.addAppender(logged);
        hibernate.addAppender(logged);
        health.addAppender(logged);
        ours.addAppender(logged);
        try (DatabaseToStop database = DatabaseToStop.start("target/it-pool-outage-mariadb");
                HikariDataSource pool = database.smallPool()) {
            // what /actuator/health/readiness asks of the database
            DataSourceHealthIndicator readiness = new DataSourceHealthIndicator(pool);
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }

            database.kill();
            Thread.sleep(600); // past Hikari's 500 ms without a check of an idle connection: it finds them dead
            for (int minute = 0; minute < 3; minute++) {
                // Hikari warns once the pool has been empty for a minute: each round stands for a minute more
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
                for (int transaction = 0; transaction < 3; transaction++) {
                    statements.logExceptions(catchThrowableOfType(SQLException.class, pool::getConnection),
                            "Unable to acquire JDBC Connection");
                }
                // a load balancer's probes
                assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
                failingSinceTwoMinutes(pool);
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
            }
            database.startAgainAndWaitFor(pool);
            assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
            // a failure that is not the database away is logged as Hibernate logs it
            statements.logExceptions(new SQLException("Duplicate entry 'x' for key 'uk_x'", "23000", 1062), "insert");
        } finally {
            hikari.detachAppender(logged);
            hibernate.detachAppender(logged);
            health.detachAppender(logged);
            ours.detachAppender(logged);
            filter.uninstall();
        }

        // before, Hikari's "Pool is empty, failed to create/setup connection" with the driver's stack trace, once a
        // minute for the whole outage
        assertThat(logged.list).noneMatch(event -> event.getFormattedMessage().contains("Pool is empty"));
        saysAwayOnceAndBackOnce(logged.list, "Database connection pool", "Connection refused");
        // before, Hibernate's "HHH000247: ErrorCode: 0, SQLState: 08000" and the driver's message at every transaction
        saysAwayOnceAndBackOnce(logged.list, "Database statements", "SQLState: 08");
        // before, Spring Boot's "DataSource health check failed" with the whole trace at every probe (review58)
        assertThat(logged.list).noneMatch(event -> event.getLoggerName().equals(PoolOutageLines.HEALTH_LOGGER));
        saysAwayOnceAndBackOnce(logged.list, "Readiness (the database's health check)", "Failed to obtain JDBC");
        assertThat(logged.list).filteredOn(event -> event.getLoggerName().equals(PoolOutageLines.HIBERNATE_LOGGER))
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("HHH000247: ErrorCode: 1062, SQLState: 23000", "Duplicate entry 'x' for key 'uk_x'");
        assertThat(logged.list).allMatch(event -> event.getThrowableProxy() == null);
    }

    /**
     * Another pool of the JVM connecting while this one's database is away (the tests' shared context renewing a
     * connection to its own database) does not say that database answers again: only the pool that failed does, or any
     * pool while none has failed (stab49: in main's whole verify at load ~50 this class's pool said "away", "back",
     * "away", "back", the first "back" another pool's, its database still killed).
     */
    @Test
    void another_pool_s_new_connection_during_an_outage_does_not_say_the_database_answers_again() {
        PoolOutageLines filter = new PoolOutageLines();
        Logger pool = (Logger) LoggerFactory.getLogger(PoolOutageLines.POOL_LOGGER);
        withOurLines(logged -> {
            filter.decide(null, pool, Level.DEBUG, "{} - Failed to create/setup connection ({}): {}",
                    new Object[] {"outage-pool", "c1", refused.getMessage()}, null);
            filter.decide(null, pool, Level.WARN, "{} - Pool is empty, failed to create/setup connection ({})",
                    new Object[] {"outage-pool", "c1", refused}, null);
            filter.decide(null, pool, Level.DEBUG, "{} - Established new connection ({})",
                    new Object[] {"another-pool", "c2"}, null);
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).singleElement()
                    .asString().startsWith("Database connection pool: the database cannot be reached");

            filter.decide(null, pool, Level.DEBUG, "{} - Established new connection ({})",
                    new Object[] {"outage-pool", "c3"}, null);
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).last()
                    .isEqualTo("Database connection pool: the database answers again");
            // none failing now: any pool's new connection tells it (Hibernate's lines come without a pool's name)
            filter.decide(null, pool, Level.WARN, "{} - Pool is empty, failed to create/setup connection ({})",
                    new Object[] {"outage-pool", "c4", refused}, null);
            filter.decide(null, pool, Level.DEBUG, "{} - Established new connection ({})",
                    new Object[] {"outage-pool", "c5"}, null);
            filter.decide(null, pool, Level.DEBUG, "{} - Established new connection ({})",
                    new Object[] {"another-pool", "c6"}, null);
            assertThat(logged.list).hasSize(4);
        });
    }

    /** A pool closed while it failed (a context shut down) no longer stands between the others and "back". */
    @Test
    void a_failing_pool_that_is_closed_no_longer_keeps_the_others_from_saying_the_database_answers_again() {
        PoolOutageLines filter = new PoolOutageLines();
        Logger pool = (Logger) LoggerFactory.getLogger(PoolOutageLines.POOL_LOGGER);
        Logger dataSource = (Logger) LoggerFactory.getLogger(PoolOutageLines.DATA_SOURCE_LOGGER);
        withOurLines(logged -> {
            filter.decide(null, pool, Level.WARN, "{} - Pool is empty, failed to create/setup connection ({})",
                    new Object[] {"closed-pool", "c1", refused}, null);
            filter.decide(null, dataSource, Level.INFO, "{} - Shutdown completed.", new Object[] {"closed-pool"},
                    null);
            filter.decide(null, pool, Level.DEBUG, "{} - Established new connection ({})",
                    new Object[] {"application-pool", "c2"}, null);

            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).last()
                    .isEqualTo("Database connection pool: the database answers again");
        });
    }

    /** The driver's refusal while the database is away, as the pool's lines carry it. */
    private final SQLException refused = new SQLNonTransientConnectionException(
            "Socket fail to connect to 127.0.0.1:1. Connection refused", "08000");

    /** The filter's own lines while {@code test} runs. */
    private static void withOurLines(java.util.function.Consumer<ListAppender<ILoggingEvent>> test) {
        Logger ours = (Logger) LoggerFactory.getLogger(PoolOutageLines.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        ours.addAppender(logged);
        try {
            test.accept(logged);
        } finally {
            ours.detachAppender(logged);
        }
    }

    /**
     * A pool that fails for good and is closed is forgotten (ops4): before, its name stayed among the failing pools for
     * the process's life (a name more for every test's or recreated pool), and while it stayed, the next pool's new
     * connection did not say that the database answers again after an outage Hibernate's statements had met.
     */
    @Test
    void a_pool_closed_while_it_failed_is_forgotten_and_the_next_pool_s_connection_says_the_database_answers_again()
            throws Exception {
        PoolOutageLines filter = new PoolOutageLines();
        Logger ours = (Logger) LoggerFactory.getLogger(PoolOutageLines.class);
        SqlExceptionHelper statements = new SqlExceptionHelper(true);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        filter.install();
        ours.addAppender(logged);
        try (DatabaseToStop database = DatabaseToStop.start("target/it-pool-closed-mariadb")) {
            int refusing;
            try (ServerSocket free = new ServerSocket(0)) {
                refusing = free.getLocalPort();
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + refusing + "/forum");
            config.setUsername("root");
            config.setPoolName("pool-closed-while-failing");
            config.setMaximumPoolSize(1);
            config.setConnectionTimeout(250);
            config.setInitializationFailTimeout(-1);
            config.setRegisterMbeans(false);
            try (HikariDataSource failed = new HikariDataSource(config)) {
                statements.logExceptions(catchThrowableOfType(SQLException.class, failed::getConnection),
                        "Unable to acquire JDBC Connection");
                assertThat(filter.failingPools()).isEqualTo(1);
            }
            assertThat(filter.failingPools()).as("forgotten once closed").isZero();

            try (HikariDataSource pool = database.smallPool(); Connection connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        } finally {
            ours.detachAppender(logged);
            filter.uninstall();
        }
        saysAwayOnceAndBackOnce(logged.list, "Database statements", "SQLState: 08");
    }

    private static void saysAwayOnceAndBackOnce(List<ILoggingEvent> logged, String what, String cause) {
        assertThat(logged).filteredOn(event -> event.getLoggerName().equals(PoolOutageLines.class.getName())
                && event.getFormattedMessage().startsWith(what + ":"))
                .extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                        away -> assertThat(away).startsWith(what + ": the database cannot be reached (").contains(cause),
                        back -> assertThat(back).isEqualTo(what + ": the database answers again"));
    }

    /** Hikari's clock of the pool's failures (it warns a minute after the first), put two minutes back. */
    private static void failingSinceTwoMinutes(HikariDataSource pool) throws ReflectiveOperationException {
        Field since = Class.forName("com.zaxxer.hikari.pool.PoolBase").getDeclaredField("connectionFailureTimestamp");
        since.setAccessible(true);
        ((AtomicLong) since.get(pool.getHikariPoolMXBean())).set(System.nanoTime() - TimeUnit.MINUTES.toNanos(2));
    }

}
