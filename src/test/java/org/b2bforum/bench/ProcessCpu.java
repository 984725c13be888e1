package org.b2bforum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /**
     * CPU seconds so far of each of the application's threads ({@code /proc/<pid>/task}, on-CPU nanoseconds), keyed by
     * "thread id name". A thread that ends between two readings takes its time with it: the split
     * then adds up to less than the process's total, and {@link #byThread} names the rest.
     */
    Map<String, Double> threads() {
        return threads(appPid);
    }

    /** As {@link #threads()}, of the benchmark's own process: what the client's CPU goes to. */
    Map<String, Double> benchmarkThreads() {
        return threads(ProcessHandle.current().pid());
    }

    private static Map<String, Double> threads(long pid) {
        Map<String, Double> seconds = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    seconds.put(task.getFileName() + " " + name, onCpu(task, stat));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            // no such process
        }
        return seconds;
    }

    /**
     * The application's CPU per user between two {@link #threads} readings, by kind of thread (the
     * name without its number: "http-nio-8130-exec", "GC Thread", "C2 CompilerThre"), the largest
     * first, then what threads that ended took ({@code applicationTotal} is the process's own delta).
     */
    static String byThread(Map<String, Double> before, Map<String, Double> after, double applicationTotal,
            int users, int top) {
        Map<String, Double> byKind = new HashMap<>();
        after.forEach((thread, value) -> byKind.merge(kind(thread), value - before.getOrDefault(thread, 0.0),
                Double::sum));
        double counted = byKind.values().stream().mapToDouble(Double::doubleValue).sum();
        String split = byKind.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(top).map(e -> String.format(Locale.ROOT, "%s=%.1f ms", e.getKey(), e.getValue() * 1000 / users))
                .collect(Collectors.joining(", "));
        return split + String.format(Locale.ROOT, ", (ended threads and the rest)=%.1f ms",
                Math.max(0, applicationTotal - counted) * 1000 / users);
    }

    /** "<ms> ms": the CPU per user between two {@link #threads} readings of the threads of one {@link #kind}. */
    static String ofKind(Map<String, Double> before, Map<String, Double> after, String kind, int users) {
        double seconds = after.entrySet().stream().filter(e -> kind(e.getKey()).equals(kind))
                .mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
        return String.format(Locale.ROOT, "%.2f ms", seconds * 1000 / users);
    }

    /**
     * "40 GC Thread#3" -> "GC Thread", "12 ForkJoinPool-1-" -> "ForkJoinPool" (Linux keeps 15 characters
     * of a thread's name: "http-nio-8130-exec-7" is "http-nio-8130-e").
     */
    static String kind(String thread) {
        String name = thread.substring(thread.indexOf(' ') + 1);
        String shorter;
        while (!(shorter = name.replaceAll("([-#_ ]+|\\d+)$", "")).equals(name) && !shorter.isEmpty()) {
            name = shorter;
        }
        return name;
    }

    /**
     * A thread's time on a CPU in nanoseconds ({@code schedstat}'s first field), else its ticks. The ticks of
     * {@code stat} are each rounded down to 10 ms: a thread started during a phase (the ~190 request threads Tomcat
     * adds at the rush) lost ~10 ms of its time to that, which showed as "(ended threads and the rest)".
     */
    private static double onCpu(Path task, String stat) {
        try {
            String schedstat = Files.readString(task.resolve("schedstat"));
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))) / 1e9;
        } catch (IOException | RuntimeException e) {
            return seconds(stat);
        }
    }

    private static double seconds(long pid) {
        try {
            return seconds(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double seconds(String stat) {
        // the fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
