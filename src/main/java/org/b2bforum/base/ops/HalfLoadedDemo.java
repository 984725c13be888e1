package org.b2bforum.base.ops;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.function.Supplier;

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
 * alone uses, so no other node is loading meanwhile) that finds such a load, in a database where nobody but the demo
 * and the organizers has an account, backs the database up and empties it (Flyway's clean), and the start then
 * migrates and loads the demo again, whole. Any other start keeps the database and says in the log what it holds: demo
 * mode off, an external database, and a database with other accounts (mend53b: killed during its first load, the
 * database was then used for real without demo mode, the record staying; a start in demo mode months later emptied
 * it), or when the backup fails.
 */
final class HalfLoadedDemo {

    private static final Logger log = LoggerFactory.getLogger(HalfLoadedDemo.class);

    private HalfLoadedDemo() {
    }

    /**
     * Empties the database of {@code flyway}, after {@code backup}, if it holds a demo loaded halfway, nobody but the
     * demo and the organizers has an account in it, and {@code mayEmpty} (demo mode on the embedded database); returns
     * whether it did.
     */
    static boolean emptyIfHalfLoaded(Flyway flyway, boolean mayEmpty, Supplier<Path> backup) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        Timestamp begun = begunAndNotDone(dataSource);
        if (begun == null) {
            return false;
        }
        String halfLoaded = "The database holds a demo forum whose load began at {} UTC and has not ended (the "
                + "application stopped meanwhile, or another node is loading it now): ";
        if (!mayEmpty) {
            log.warn(halfLoaded + "started without demo mode on the embedded database, this start keeps it", begun);
            return false;
        }
        int others = accountsBesidesTheDemo(dataSource);
        if (others > 0) {
            log.warn(halfLoaded + "{} accounts besides the demo's and the organizers' are in it too, so this start "
                    + "keeps it; to start the demo afresh, start in demo mode on another data directory", begun, others);
            return false;
        }
        Path saved;
        try {
            saved = backup.get();
        } catch (RuntimeException e) {
            log.error(halfLoaded + "it could not be backed up, so this start keeps it", begun, e);
            return false;
        }
        log.warn("The demo forum's load that began at {} UTC did not end (the application was stopped, or its start "
                + "failed, meanwhile): the database holds half a forum. It is emptied now, after a backup into {}, "
                + "and the demo loaded again", begun, saved);
        Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                .cleanDisabled(false).load().clean();
        return true;
    }

    /** Accounts that neither the demo nor the configuration made: a company's, a delegate's, venue staff's. */
    private static int accountsBesidesTheDemo(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet others = statement.executeQuery(
                        "select count(*) from app_user where not demo and role <> 'ORGANIZER'")) {
            return others.next() ? others.getInt(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read whom the accounts of a demo loaded halfway belong to", e);
        }
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
