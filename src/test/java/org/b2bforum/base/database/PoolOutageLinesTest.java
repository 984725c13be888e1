package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.zaxxer.hikari.HikariDataSource;

/** The connection pool meets the real embedded MariaDB killed for over a minute, then started again on its port. */
class PoolOutageLinesTest {

    @Test
    void the_pool_says_in_one_line_without_a_trace_that_the_database_is_away_and_in_one_that_it_is_back()
            throws Exception {
        PoolOutageLines filter = new PoolOutageLines();
        Logger hikari = (Logger) LoggerFactory.getLogger("com.zaxxer.hikari");
        Logger ours = (Logger) LoggerFactory.getLogger(PoolOutageLines.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        filter.install();
        hikari.addAppender(logged);
        ours.addAppender(logged);
        try (DatabaseToStop database = DatabaseToStop.start("target/it-pool-outage-mariadb");
                HikariDataSource pool = database.smallPool()) {
            try (Connection connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }

            database.kill();
            Thread.sleep(600); // past Hikari's 500 ms without a check of an idle connection: it finds them dead
            for (int minute = 0; minute < 3; minute++) {
                // Hikari warns once the pool has been empty for a minute: each round stands for a minute more
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
                failingSinceTwoMinutes(pool);
                assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
            }
            database.startAgainAndWaitFor(pool);
        } finally {
            hikari.detachAppender(logged);
            ours.detachAppender(logged);
            filter.uninstall();
        }

        // before, Hikari's "Pool is empty, failed to create/setup connection" with the driver's stack trace, once a
        // minute for the whole outage
        assertThat(logged.list).noneMatch(event -> event.getFormattedMessage().contains("Pool is empty"));
        assertThat(logged.list).filteredOn(event -> event.getLoggerName().equals(PoolOutageLines.class.getName()))
                .extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                        away -> assertThat(away).startsWith("Database connection pool: the database cannot be reached (")
                                .contains("Connection refused"),
                        back -> assertThat(back).isEqualTo("Database connection pool: the database answers again"));
        assertThat(logged.list).allMatch(event -> event.getThrowableProxy() == null);
    }

    /** Hikari's clock of the pool's failures (it warns a minute after the first), put two minutes back. */
    private static void failingSinceTwoMinutes(HikariDataSource pool) throws ReflectiveOperationException {
        Field since = Class.forName("com.zaxxer.hikari.pool.PoolBase").getDeclaredField("connectionFailureTimestamp");
        since.setAccessible(true);
        ((AtomicLong) since.get(pool.getHikariPoolMXBean())).set(System.nanoTime() - TimeUnit.MINUTES.toNanos(2));
    }

}
