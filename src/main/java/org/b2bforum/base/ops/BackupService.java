package org.b2bforum.base.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.b2bforum.base.clock.WallClock;
import org.b2bforum.base.cluster.ClusterLeases;
import org.b2bforum.base.cluster.ClusterNode;
import org.b2bforum.base.database.EmbeddedMariaDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Backups with {@code mariadb-dump} (one consistent snapshot: {@code --single-transaction}),
 * gzipped into {@code b2bforum.backup.dir} as {@code forum-<UTC time>.sql.gz}; only the newest
 * {@code b2bforum.backup.keep} are kept. With the embedded database the client programs come with
 * its binaries; with an external MariaDB {@code mariadb-dump} and {@code mariadb} must be on the
 * PATH. A restore replaces the whole database with the backup's content.
 * <p>
 * With several application nodes on one database the scheduled backup is made by one of them: the
 * node that takes the {@value #LEASE} lease (for {@link #LEASE_LENGTH}, so that the others, whose
 * clocks fire at about the same time, find it taken). A multi-host JDBC URL is dumped from its first
 * host.
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Target target;
    private final Path dir;
    private final int keep;
    private final Clock clock;
    private final boolean scheduled;
    private final ObjectProvider<ClusterLeases> leases; // lazily: the restore runs before the database is migrated
    private final String node;

    static final String LEASE = "backup";
    static final Duration LEASE_LENGTH = Duration.ofMinutes(30);
    /** How often a start that waits for another node's restore of its backup looks at the marker again. */
    static final Duration WAIT_STEP = Duration.ofSeconds(1);

    @Autowired
    BackupService(ObjectProvider<EmbeddedMariaDb> embedded, Environment environment, @WallClock Clock clock,
            ObjectProvider<ClusterLeases> leases, ClusterNode node,
            @Value("${b2bforum.backup.dir:data/backups}") String dir,
            @Value("${b2bforum.backup.keep:48}") int keep, @Value("${b2bforum.backup.enabled:true}") boolean scheduled) {
        this(embedded.getIfAvailable() != null ? Target.of(embedded.getObject()) : Target.of(environment), clock, leases,
                node, dir, keep, scheduled);
    }

    BackupService(Target target, @WallClock Clock clock, ObjectProvider<ClusterLeases> leases, ClusterNode node, String dir,
            int keep, boolean scheduled) {
        this.node = node.id();
        this.target = target;
        this.scheduled = scheduled;
        this.dir = Path.of(dir).toAbsolutePath().normalize();
        this.keep = keep;
        this.clock = clock;
        this.leases = leases;
    }

    @Scheduled(cron = "${b2bforum.backup.cron:0 0 * * * *}")
    void scheduledBackup() {
        if (!scheduled) {
            return;
        }
        ClusterLeases lease = leases.getObject();
        if (!lease.tryAcquire(LEASE, LEASE_LENGTH)) {
            log.info("Scheduled backup left to {}, which holds the backup lease", lease.holder(LEASE));
            return;
        }
        try {
            backup();
        } catch (RuntimeException e) {
            log.error("The scheduled backup failed", e);
        }
    }

    /** Dumps the database into a new file of the backup directory and drops the oldest beyond the limit. */
    public synchronized Path backup() {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("forum-" + STAMP.format(clock.instant()) + ".sql.gz");
            Path part = file.resolveSibling(file.getFileName() + ".part");
            long started = System.nanoTime();
            dumpInto(part);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("Backup {} written ({} KB, {} ms)", file, Files.size(file) / 1024,
                    (System.nanoTime() - started) / 1_000_000);
            prune();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Backup into " + dir + " failed", e);
        }
    }

    /**
     * Dumps the database into {@code part}; a dump that fails (the database away, the disk full) leaves no part behind.
     * Until stop 46 (ops1) it did, under a new name every hour, so a full disk filled up further with each scheduled
     * backup that failed, and nothing pruned them (only whole backups count).
     */
    private void dumpInto(Path part) throws IOException {
        Started dump = null;
        try {
            dump = target.start("mariadb-dump", List.of("--single-transaction", "--quick", "--routines",
                    "--triggers", "--hex-blob", "--default-character-set=utf8mb4", target.database()));
            try (InputStream in = dump.process().getInputStream();
                    OutputStream out = new GZIPOutputStream(Files.newOutputStream(part))) {
                in.transferTo(out);
            }
            finish(dump, "mariadb-dump");
        } catch (IOException | RuntimeException e) {
            if (dump != null && dump.process().isAlive()) {
                dump.process().destroyForcibly();
                Files.deleteIfExists(dump.errors());
            }
            try {
                Files.deleteIfExists(part);
            } catch (IOException notDeleted) {
                e.addSuppressed(notDeleted);
            }
            throw e;
        }
    }

    /** The backups, newest first. */
    public List<Path> backups() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("forum-\\d{8}-\\d{6}\\.sql\\.gz"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the application's database with the backup's content. */
    public void restore(Path backup) {
        restore(backup, target.database());
    }

    /**
     * The restore a start was asked for ({@code b2bforum.backup.restore}): done once per backup file. A file
     * {@code <backup>.restored} beside it records the restore, and a later start with the same argument (systemd's
     * {@code Restart=always} after a crash, the argument left in the unit, the settings or the shell's history)
     * leaves the database as it is and says so, instead of replacing all that was written since with the backup again
     * (until stop 46, ops1: it did, silently). Deleting the marker restores the file once more. A start that finds
     * the backup being restored by another (two nodes started at once with the same setting, the backup on shared
     * storage) waits for that restore and then keeps the database ({@link RestoreMarker}).
     *
     * @return whether the backup was restored
     */
    public boolean restoreAtStart(Path backup, String database) {
        RestoreMarker marker = new RestoreMarker(backup, clock);
        boolean waited = false;
        try {
            while (true) {
                Optional<RestoreMarker.State> seen = marker.read();
                if (seen.isPresent() && seen.get().restored()) {
                    if (waited) {
                        log.warn("Backup {} not restored by this node: {} restored it meanwhile ({}), and this node "
                                + "starts on that database", backup, seen.get().owner(), seen.get().line());
                    } else {
                        log.warn("Backup {} not restored: it was restored already ({}), and the database keeps what "
                                + "was written since. Start without b2bforum.backup.restore (B2BFORUM_BACKUP_RESTORE), "
                                + "or delete {} to restore it once more", backup, seen.get().line(), marker.file());
                    }
                    return false;
                }
                if (seen.isPresent() && !seen.get().stale(clock.instant())) {
                    if (!waited) {
                        log.warn("Backup {} is being restored by {} ({}): this node waits for that restore to end, "
                                + "then starts on the database it restored", backup, seen.get().owner(), marker.file());
                        waited = true;
                    }
                    Thread.sleep(WAIT_STEP.toMillis());
                    continue;
                }
                // the marker is claimed before the database is touched: where it cannot be (a backup on a read-only
                // mount, a directory of another user), every later start with the argument would restore the backup
                // again over what was written since (review63). A claim of a restore that did not end (the start
                // killed, mariadb failed half-way) does not count: that restore is made again
                if (marker.claim(node, database, seen)) {
                    if (seen.isPresent()) {
                        log.warn("Backup {}: its restore by {} did not end ({}), so it is restored again", backup,
                                seen.get().owner(), seen.get().line());
                    }
                    break;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Backup " + backup + " not restored: " + marker.file() + ", which records "
                    + "the restore so that a later start does not restore it again, cannot be written (" + e + "). "
                    + "Copy the backup into a directory the application may write and start with that file", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Backup " + backup + " not restored: the start was interrupted while it "
                    + "waited for another node's restore of it", e);
        }
        restoreWhileTouching(backup, database, marker);
        try {
            marker.restored(node, database);
        } catch (IOException e) {
            throw new IllegalStateException("Backup " + backup + " restored, but " + marker.file() + " could not be "
                    + "written (" + e + "): start without b2bforum.backup.restore, or the backup is restored again", e);
        }
        return true;
    }

    /** The restore, with the marker touched meanwhile, so that another node waits for it rather than restores too. */
    private void restoreWhileTouching(Path backup, String database, RestoreMarker marker) {
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("restore-heartbeat").factory());
        heartbeat.scheduleWithFixedDelay(() -> {
            try {
                marker.touch();
            } catch (IOException e) {
                log.warn("Backup {}: its restore marker {} could not be touched ({})", backup, marker.file(), e.toString());
            }
        }, RestoreMarker.HEARTBEAT.toMillis(), RestoreMarker.HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            restore(backup, database);
        } finally {
            heartbeat.shutdownNow();
        }
    }

    /** {@link #restoreAtStart(Path, String)} into the application's database. */
    public boolean restoreAtStart(Path backup) {
        return restoreAtStart(backup, target.database());
    }

    static Path restoredMarker(Path backup) {
        return new RestoreMarker(backup, Clock.systemUTC()).file();
    }

    /** Replaces {@code database} (created if need be) with the backup's content. */
    public synchronized void restore(Path backup, String database) {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Not a database name: " + database);
        }
        long started = System.nanoTime();
        run("mariadb", List.of("-e", "DROP DATABASE IF EXISTS `" + database + "`; CREATE DATABASE `" + database
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"), null);
        run("mariadb", List.of("--default-character-set=utf8mb4", database), backup);
        log.warn("Database {} restored from {} ({} ms)", database, backup, (System.nanoTime() - started) / 1_000_000);
    }

    private void run(String program, List<String> args, Path gzippedInput) {
        try {
            Started process = target.start(program, args);
            try (OutputStream stdin = process.process().getOutputStream()) {
                if (gzippedInput != null) {
                    boolean gzipped = gzippedInput.getFileName().toString().endsWith(".gz");
                    try (InputStream raw = Files.newInputStream(gzippedInput);
                            InputStream in = gzipped ? new GZIPInputStream(raw) : raw) {
                        in.transferTo(stdin);
                    }
                }
            }
            process.process().getInputStream().transferTo(OutputStream.nullOutputStream());
            finish(process, program);
        } catch (IOException e) {
            throw new UncheckedIOException(program + " failed", e);
        }
    }

    private static void finish(Started started, String program) throws IOException {
        Process process = started.process();
        try {
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                String error = Files.readString(started.errors()).trim();
                throw new IOException(program + " failed (exit " + (process.isAlive() ? "none" : process.exitValue())
                        + "): " + error.substring(Math.max(0, error.length() - 4000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException(program + " interrupted", e);
        } finally {
            Files.deleteIfExists(started.errors());
        }
    }

    /**
     * A client program and the file its error output goes to: a pipe that nobody reads while its
     * output is copied would block the program once the pipe is full.
     */
    private record Started(Process process, Path errors) {
    }

    private void prune() throws IOException {
        List<Path> all = backups();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old);
            Files.deleteIfExists(restoredMarker(old));
            log.info("Old backup {} deleted (keeping {})", old, keep);
        }
    }

    /** Where the database is and which client programs reach it. */
    record Target(Path binDir, String host, int port, String database, String user, String password) {

        static Target of(EmbeddedMariaDb embedded) {
            return new Target(embedded.binDir(), "127.0.0.1", embedded.port(), embedded.database(), "root", "");
        }

        /** {@code jdbc:mariadb://host:port/db?…}, or with several hosts {@code jdbc:mariadb:sequential//h1:p1,h2:p2/db}. */
        private static final Pattern URL = Pattern.compile("jdbc:(?:mariadb|mysql):(?:[a-z-]+)?//([^/,?]+)[^/?]*/([^?;]*).*");

        static Target of(Environment environment) {
            String url = environment.getRequiredProperty("spring.datasource.url");
            Matcher matcher = URL.matcher(url);
            if (!matcher.matches()) {
                throw new IllegalStateException("Backups cannot read host and database from " + url);
            }
            String host = matcher.group(1);
            int colon = host.lastIndexOf(':');
            int port = colon < 0 ? 3306 : Integer.parseInt(host.substring(colon + 1));
            return new Target(null, colon < 0 ? host : host.substring(0, colon), port, matcher.group(2),
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
        }

        Started start(String program, List<String> args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(binDir == null ? program : binDir.resolve(program).toString());
            command.addAll(List.of("--no-defaults", "--protocol=TCP", "--host=" + host, "--port=" + port));
            if (binDir != null) { // the embedded server runs without TLS (EmbeddedMariaDb), its clients expect it
                command.add("--skip-ssl");
            }
            if (user != null && !user.isEmpty()) {
                command.add("--user=" + user);
            }
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command);
            if (password != null && !password.isEmpty()) {
                builder.environment().put("MYSQL_PWD", password); // not on the command line, where ps shows it
            }
            if (binDir != null) { // the embedded binaries bring their own libraries
                Map<String, String> env = builder.environment();
                env.put("LD_LIBRARY_PATH", binDir.resolveSibling("libs") + ":" + env.getOrDefault("LD_LIBRARY_PATH", ""));
            }
            Path errors = Files.createTempFile("b2bforum-" + program, ".err");
            builder.redirectError(errors.toFile());
            return new Started(builder.start(), errors);
        }
    }
}
