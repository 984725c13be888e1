package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A request that took its pooled connection just before the database froze (its process stopped with SIGSTOP, as a
 * stalled disk stops it; a real embedded MariaDB of the test's own): its statement waits for an answer that does not
 * come. The driver's socket time-out, as application.properties sets it, ends the wait.
 */
class StatementWhileTheDatabaseIsFrozenTest {

    private static final String SOCKET_TIMEOUT = "spring.datasource.hikari.data-source-properties.socketTimeout";

    @Test
    void a_statement_on_a_connection_taken_before_a_freeze_fails_as_database_unavailable_after_the_socket_time_out()
            throws Exception {
        // the application's setting, shortened through its environment variable as an operator would
        String socketTimeout = applicationSetting(Map.of("B2BFORUM_DATABASE_SOCKET_TIMEOUT", "2000"));
        assertThat(socketTimeout).as("the driver's socket time-out in application.properties").isEqualTo("2000");
        try (DatabaseToStop db = DatabaseToStop.start("target/it-frozen-statement-mariadb");
                HikariDataSource pool = pool(db, socketTimeout);
                Connection held = pool.getConnection()) {
            db.freeze();
            try {
                long start = System.nanoTime();
                CompletableFuture<Throwable> statement = CompletableFuture.supplyAsync(() -> catchThrowable(() -> {
                    try (Statement select = held.createStatement()) {
                        select.executeQuery("select count(*) from information_schema.tables").close();
                    }
                }));
                // before: no time-out, the statement (and the request's thread and connection) held until SIGCONT
                Throwable failure = statement.get(30, TimeUnit.SECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(failure).as("the statement fails").isNotNull();
                assertThat(DatabaseUnavailable.isCause(failure))
                        .as("as the database unavailable: the page says 'temporarily unavailable' (%s)", failure)
                        .isTrue();
                assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(20));
            } finally {
                db.thaw();
            }
            try (Connection next = pool.getConnection(); Statement select = next.createStatement()) {
                assertThat(select.executeQuery("select 1").next()).as("the pool goes on once it answers").isTrue();
            }
        }
    }

    /**
     * The same for a connection given back to the pool just before the freeze: HikariCP hands out a connection used in
     * the last 500 ms without checking it, so the next request (here a download's read, with the live updates' poller
     * reading every 300 ms) gets it and waits as the one that held it (ux62: the badge page's failed download showed no
     * words for as long as that wait).
     */
    @Test
    void a_connection_given_back_just_before_a_freeze_is_handed_out_unchecked_and_its_statement_fails_after_the_time_out()
            throws Exception {
        String socketTimeout = applicationSetting(Map.of("B2BFORUM_DATABASE_SOCKET_TIMEOUT", "2000"));
        try (DatabaseToStop db = DatabaseToStop.start("target/it-frozen-pooled-mariadb");
                HikariDataSource pool = pool(db, socketTimeout)) {
            Connection poller = pool.getConnection();
            try (Statement read = poller.createStatement()) {
                read.executeQuery("select 1").close();
            }
            db.freeze();
            try {
                poller.close(); // given back as the database froze: its last use is now
                CompletableFuture<Throwable> download = CompletableFuture.supplyAsync(() -> catchThrowable(() -> {
                    try (Connection next = pool.getConnection(); Statement select = next.createStatement()) {
                        select.executeQuery("select 1").close();
                    }
                }));
                Throwable failure = download.get(30, TimeUnit.SECONDS);

                assertThat(failure).isNotNull();
                assertThat(DatabaseUnavailable.isCause(failure)).as("%s", failure).isTrue();
            } finally {
                db.thaw();
            }
        }
    }

    @Test
    void the_socket_time_out_is_longer_than_a_row_lock_wait_which_has_its_own_error() {
        assertThat(Integer.parseInt(applicationSetting(Map.of()))).as("InnoDB's innodb_lock_wait_timeout, 50 s")
                .isGreaterThan(50_000);
    }

    private static HikariDataSource pool(DatabaseToStop db, String socketTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername("root");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1000);
        config.addDataSourceProperty("socketTimeout", socketTimeout);
        return new HikariDataSource(config);
    }

    private static String applicationSetting(Map<String, Object> environment) {
        StandardEnvironment settings = new StandardEnvironment();
        try {
            settings.getPropertySources().addFirst(new MapPropertySource("operator", environment));
            settings.getPropertySources().addLast(
                    new ResourcePropertySource(new ClassPathResource("application.properties")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return settings.getProperty(SOCKET_TIMEOUT);
    }
}
