package org.b2bforum.base.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a {@code mariadbd} left running on a data directory by an application that
 * crashed (kill -9 of the JVM leaves the child process as an orphan that keeps the directory and
 * its port). Called only while holding the directory's {@link DataDirLock}, so any server on the
 * directory belongs to no live application. A process counts only if it is a mariadbd of the same
 * user whose command line names this very data directory.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
    static final String PID_FILE = "mariadbd.pid";

    private LeftoverServer() {
    }

    /** Stops every leftover server of the directory: SIGTERM (a clean InnoDB shutdown), then SIGKILL. */
    static void stopAll(Path dataDir, Duration patience) {
        for (long pid : find(dataDir)) {
            ProcessHandle.of(pid).ifPresent(process -> stop(process, dataDir, patience));
        }
    }

    static Set<Long> find(Path dataDir) {
        Set<Long> pids = new TreeSet<>();
        pidFromFile(dataDir).filter(pid -> servesDirectory(pid, dataDir)).ifPresent(pids::add);
        // the pid file is written only once the server is up, and a crash may leave a stale one
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::valueOf)
                    .filter(pid -> pid != ProcessHandle.current().pid() && servesDirectory(pid, dataDir))
                    .forEach(pids::add);
        } catch (IOException e) {
            log.debug("No /proc to look for leftover database servers", e);
        }
        return pids;
    }

    private static Optional<Long> pidFromFile(Path dataDir) {
        try {
            return Optional.of(Long.valueOf(Files.readString(dataDir.resolve(PID_FILE)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean servesDirectory(long pid, Path dataDir) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            if (!Files.getAttribute(proc, "unix:uid").equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))) {
                return false;
            }
            List<String> args = Arrays.asList(
                    new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
            if (args.isEmpty() || !(args.getFirst().endsWith("mariadbd") || args.getFirst().endsWith("mysqld"))) {
                return false;
            }
            Set<String> names = new TreeSet<>(List.of(dataDir.toString(), dataDir.toFile().getCanonicalPath()));
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.startsWith("--datadir=") && names.contains(arg.substring("--datadir=".length()))
                        || arg.equals("--datadir") && i + 1 < args.size() && names.contains(args.get(i + 1))) {
                    return true;
                }
            }
            return false;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // gone meanwhile, or not ours to read
        }
    }

    private static void stop(ProcessHandle process, Path dataDir, Duration patience) {
        log.warn("A database server (pid {}) left over from an earlier run still uses {}: stopping it", process.pid(),
                dataDir);
        process.destroy();
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            log.warn("The leftover database server (pid {}) did not stop within {} s: killing it", process.pid(),
                    patience.toSeconds());
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the leftover database server (pid " + process.pid()
                        + ") on " + dataDir + ": stop it by hand", e);
            }
        }
    }
}
