package org.b2bforum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time (user and system, from {@code /proc/<pid>/stat}) of the application, of the database
 * server it started and of the benchmark itself, read before and after a phase. On a machine shared
 * with other work the times of a click say more about the queue for a core than about the
 * application; the CPU each phase cost per user does not depend on that queue.
 */
final class ProcessCpu {

    /** Linux's clock ticks per second ({@code getconf CLK_TCK}), 100 on every usual kernel. */
    private static final double TICKS_PER_SECOND = 100;

    private final long appPid;

    ProcessCpu(long appPid) {
        this.appPid = appPid;
    }

    /** CPU seconds so far of "application", "database" (its descendants) and "benchmark" (this JVM). */
    Map<String, Double> read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("application", seconds(appPid));
        seconds.put("database", ProcessHandle.of(appPid).stream().flatMap(ProcessHandle::descendants)
                .mapToDouble(p -> seconds(p.pid())).sum());
        seconds.put("benchmark", seconds(ProcessHandle.current().pid()));
        return seconds;
    }

    /** "application=<ms> database=<ms> benchmark=<ms>" of CPU per user between the two readings. */
    static String perUser(Map<String, Double> before, Map<String, Double> after, int users) {
        StringBuilder line = new StringBuilder();
        after.forEach((name, value) -> line.append(line.isEmpty() ? "" : " ").append(name).append('=')
                .append(String.format(Locale.ROOT, "%.1f ms", (value - before.getOrDefault(name, 0.0)) * 1000 / users)));
        return line.toString();
    }

    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
