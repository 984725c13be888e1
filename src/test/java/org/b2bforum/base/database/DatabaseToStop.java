package org.b2bforum.base.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * An embedded MariaDB of a test's own, which the test kills (as the OOM killer or a crash would) and starts again on
 * the same port and data directory: a database away for as long as the test wants, without touching the one the
 * Spring tests share. Its watchdog waits an hour, so the test alone decides when the database is back.
 */
public final class DatabaseToStop implements AutoCloseable {

    private final EmbeddedMariaDbProperties properties;
    private EmbeddedMariaDb running;
    private boolean frozen;

    private DatabaseToStop(EmbeddedMariaDbProperties properties) {
        this.properties = properties;
        this.running = EmbeddedMariaDb.startOnce(properties);
    }

    /** A fresh database in {@code dataDir} (under target/), on a free port. */
    public static DatabaseToStop start(String dataDir) {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DatabaseToStop(new EmbeddedMariaDbProperties(dataDir, "forum", true, port, 2, 2, "",
                Duration.ofHours(1), Duration.ofSeconds(3)));
    }

    public String jdbcUrl() {
        return running.jdbcUrl();
    }

    /**
     * A pool of two connections to it that waits at most 250 ms for one (HikariCP's shortest): with the database
     * away every read waits for that timeout and fails, and the outage tests make about fourteen such reads (at 1 s
     * each ~10 s more of a test JVM's time, for nothing they check; bench/README.md, run-suite, stop 44). The driver's
     * handshake gets 30 s all the same: HikariCP derives a 1 s log-in time-out from the 250 ms, which a fresh server's
     * first connection missed at load 60 ("Socket timeout when connecting", PoolOutageLinesTest, review71), before any
     * outage; a server that is away refuses at once whatever this says.
     */
    public HikariDataSource smallPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername("root");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(250);
        config.addDataSourceProperty("connectTimeout", "30000");
        return new HikariDataSource(config);
    }

    /** Kills the server and waits until it is gone. */
    public void kill() throws InterruptedException, ExecutionException {
        ProcessHandle server = running.server().orElseThrow();
        server.destroyForcibly();
        server.onExit().get();
    }

    /** Stops the server's process with SIGSTOP, as a stalled disk or a debugger would: it keeps its port and data. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
        frozen = true;
    }

    /** Lets a frozen server go on (SIGCONT). */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
        frozen = false;
    }

    private void signal(String signal) throws IOException, InterruptedException {
        signal(running.server().orElseThrow().pid(), signal);
    }

    static void signal(long pid, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
        if ("STOP".equals(signal)) {
            // the kernel stops the process on its way back to user space: until then a statement may still be
            // answered (a whole-suite run at 11:04 saw one answered right after kill returned)
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!stopped(pid) && System.nanoTime() < until) {
                Thread.sleep(5);
            }
        }
    }

    /** Whether /proc says the process is stopped by a signal (state T). */
    private static boolean stopped(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("T");
    }

    /** Starts the server again on the same port and data directory (InnoDB recovers what was committed). */
    public void startAgain() {
        running.stop();
        running = EmbeddedMariaDb.startOnce(new EmbeddedMariaDbProperties(properties.dataDir(), properties.database(),
                false, properties.port(), properties.poolSize(), properties.flushLogAtTrxCommit(), properties.baseDir(),
                properties.watchdogInterval(), properties.connectionTimeout()));
    }

    /**
     * Starts the server again ({@link #startAgain()}) and wakes {@code pool}'s connection adder, which kept failing
     * during the outage and sleeps between its tries: HikariCP's back-off (10 ms doubling to 5 s, HikariCP 7.0.2) had
     * reached 5 s in PoolOutageLinesTest's 5 s outage, and the pool opened its first connection to the server started
     * again up to 5 s after the start (4.2 s, then 0.1 s woken; bench/README.md, run-suite, stop 50). Woken, the
     * adder tries at once, as it would have at the end of its sleep: the same connection, the same log lines. The
     * adder's thread is interrupted (HikariCP's sleep keeps the interrupt, so its next try does not sleep; its
     * executor clears it before the thread's next task); a platform thread's socket is not closed by an interrupt.
     */
    public void startAgainAndWake(HikariDataSource pool) {
        startAgain();
        String adder = pool.getPoolName() + ":connection-adder";
        Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(adder))
                .forEach(Thread::interrupt);
    }

    /**
     * Starts the server again and wakes {@code pool}'s adder ({@link #startAgainAndWake}), then waits until
     * {@code pool} hands out a connection, for the tests whose next step needs the database back rather than checks
     * how it comes back: the pool's first tries after the start may meet the server still starting.
     */
    public void startAgainAndWaitFor(HikariDataSource pool) throws SQLException {
        startAgainAndWake(pool);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Connection connection = pool.getConnection()) {
                return;
            } catch (SQLException stillAway) {
                if (System.nanoTime() > deadline) {
                    throw stillAway;
                }
            }
        }
    }

    @Override
    public void close() {
        if (frozen) {
            try {
                thaw();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("could not let the frozen database go on to stop it", e);
            }
        }
        running.stop();
    }
}
