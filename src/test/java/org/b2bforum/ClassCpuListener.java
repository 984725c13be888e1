package org.b2bforum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A measuring aid for bench/README.md (issue 16), off unless the test JVM has {@code -Db2bforum.class-cpu=FILE} and
 * {@code -Djunit.jupiter.extensions.autodetection.enabled=true} (e.g. through {@code -Dtest.jvm.flags}, which then
 * replaces the default flags, C1 only and the serial collector, unless they are given again): appends to
 * FILE, for every test class and test method, the wall time and the CPU of this JVM and of the processes it started
 * (the embedded MariaDB), read from {@code /proc}. One line each: {@code pid kind name wall_ms cpu_ms end_epoch_ms}.
 * A class's CPU less its methods' is its own set-up: for a fork's first Spring test class, the context's start.
 * The CPU is the whole JVM's: where classes run at the same time (failsafe's two threads), their figures overlap.
 */
public final class ClassCpuListener implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private static final String FILE = System.getProperty("b2bforum.class-cpu");
    private static final long TICK_MS = 10;

    private final Map<String, long[]> started = new ConcurrentHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // the method's name too: a parameterized test's display name is its arguments only
        finish(context, "test", context.getRequiredTestClass().getName() + "#"
                + context.getTestMethod().map(method -> method.getName() + " ").orElse("") + context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        finish(context, "class", context.getRequiredTestClass().getName());
    }

    private void start(ExtensionContext context) {
        if (FILE != null) {
            started.put(context.getUniqueId(), new long[] {System.nanoTime(), cpuMillis()});
        }
    }

    private void finish(ExtensionContext context, String kind, String name) {
        long[] start = FILE == null ? null : started.remove(context.getUniqueId());
        if (start == null) {
            return;
        }
        String line = ProcessHandle.current().pid() + " " + kind + " " + name.replace(' ', '_') + " "
                + (System.nanoTime() - start[0]) / 1_000_000 + " " + (cpuMillis() - start[1]) + " "
                + System.currentTimeMillis() + "\n";
        try {
            Files.writeString(Path.of(FILE), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This JVM's CPU and that of its children, living (their own) and ended (waited for), in ms. */
    private static long cpuMillis() {
        long ticks = ticks(ProcessHandle.current().pid(), true);
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            ticks += ticks(child.pid(), false);
        }
        return ticks * TICK_MS;
    }

    private static long ticks(long pid, boolean withWaited) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withWaited ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
