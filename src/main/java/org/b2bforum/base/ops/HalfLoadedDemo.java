package org.b2bforum.base.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo forum loaded halfway: the application was stopped (killed, a power cut) while the demo loader wrote the
 * demo into the empty database of its first start ({@code base.security.DemoLoading} records the load begun and done,
 * V44). Until ops53 every later start kept that half forum for good (the loader loads only into a database without
 * log-ins): 69 of 120 companies, all waiting for approval, no program, no meetings, in a run killed 40 s into the
 * load. Before the migrations, a start in demo mode on the embedded database (whose data directory this application
 * alone uses, so no other node is loading meanwhile) that finds such a load empties the database (Flyway's clean:
 * only the demo's half forum is in it), and the start then migrates and loads the demo again, whole. Any other start
 * (demo mode off, an external database) keeps the database and says in the log what it holds.
 */
final class HalfLoadedDemo {

    private static final Logger log = LoggerFactory.getLogger(HalfLoadedDemo.class);

    private HalfLoadedDemo() {
    }

    /**
     * Empties the database of {@code flyway} if it holds a demo loaded halfway and {@code mayEmpty} (demo mode on the
     * embedded database); returns whether it did.
     */
    static boolean emptyIfHalfLoaded(Flyway flyway, boolean mayEmpty) {
        Timestamp begun = begunAndNotDone(flyway.getConfiguration().getDataSource());
        if (begun == null) {
            return false;
        }
        if (!mayEmpty) {
            log.warn("The database holds a demo forum loaded halfway (its load began at {} UTC and has not ended: the "
                    + "application stopped meanwhile, or another node is loading it now). Started without demo mode on "
                    + "the embedded database, this start keeps it; start in demo mode on it (B2BFORUM_DEMO=true) to "
                    + "load the demo again, whole", begun);
            return false;
        }
        log.warn("The demo forum's load that began at {} UTC did not end (the application was stopped, or its start "
                + "failed, meanwhile): the database holds half a forum. It is emptied now and the demo loaded again",
                begun);
        Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                .cleanDisabled(false).load().clean();
        return true;
    }

    /** When the demo's load began, if it began and did not end; null otherwise (or no such table yet). */
    private static Timestamp begunAndNotDone(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet table = statement.executeQuery("select count(*) from information_schema.tables"
                    + " where table_schema = database() and table_name = 'demo_load'")) {
                if (!table.next() || table.getInt(1) == 0) {
                    return null;
                }
            }
            try (ResultSet load = statement.executeQuery(
                    "select started_at from demo_load where loaded_at is null")) {
                return load.next() ? load.getTimestamp(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read whether the demo forum was loaded whole", e);
        }
    }
}
