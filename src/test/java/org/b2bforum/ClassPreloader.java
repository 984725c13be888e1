package org.b2bforum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Failsafe's JVM loads and links, on a thread of its own, the classes its previous run loaded, while the main thread
 * starts the server (issue 16, bench/README.md, run-suite, stop 40): the start is one thread for 5-7 s, most of it
 * class loading and byte code verification of ~22,000 classes, with the other core idle. Off unless the JVM has
 * {@code -Db2bforum.preload-classes=LIST,DUMP} (failsafe's configuration, with {@code -XX:DumpLoadedClassList=DUMP}):
 * LIST is read when the launcher session opens, before the classes' discovery, and DUMP (the classes this run loaded,
 * in the order they were loaded, as the JVM writes them for a CDS archive) copied to LIST when it closes. No list (the
 * first run after a clean): no preloading. It goes through the list in its order, as the start does, and keeps ahead
 * of the start's thread, which runs code between its loads. Loading and linking run no static initializer, so the
 * classes are initialised when and in the order the tests use them, as without it; a listed class that is gone or
 * fails to link is skipped, and the main thread meets it as it would have. Measured (FaviconHttpIT alone, raised
 * priority, load 22-36): the start's thread 2.6-2.7 s of CPU instead of 4.2-4.3 s, the JVM 0.8-1.0 s more in all.
 */
public final class ClassPreloader implements LauncherSessionListener {

    private final String files;
    private volatile boolean closed;

    public ClassPreloader() {
        this(System.getProperty("b2bforum.preload-classes"));
    }

    ClassPreloader(String files) {
        this.files = files == null || files.isBlank() ? null : files;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (files == null) {
            return;
        }
        Path list = Path.of(files.split(",")[0]);
        if (!Files.isRegularFile(list)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                preload(Files.readAllLines(list), ClassLoader.getSystemClassLoader(), () -> closed);
            } catch (IOException e) {
                // no list, no preloading
            }
        }, "class-preloader");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        closed = true;
        if (files == null) {
            return;
        }
        String[] paths = files.split(",");
        try {
            Files.copy(Path.of(paths[1]), Path.of(paths[0]), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // a measure of speed, not of correctness: the next run starts without it
        }
    }

    /** Loads and links the listed classes in their order until {@code stop} says so; returns how many it found. */
    static int preload(List<String> lines, ClassLoader loader, BooleanSupplier stop) {
        int found = 0;
        for (String line : lines) {
            if (stop.getAsBoolean()) {
                break;
            }
            // "org/b2bforum/Application id: 123"; comments (#) and the archive's own entries (@) are not classes
            int space = line.indexOf(' ');
            if (space <= 0 || line.startsWith("#") || line.startsWith("@")) {
                continue;
            }
            try {
                // loaded and linked (reflection links a class; the byte code is verified then), not initialised
                Class.forName(line.substring(0, space).replace('/', '.'), false, loader).getDeclaredConstructors();
                found++;
            } catch (LinkageError | ClassNotFoundException | RuntimeException e) {
                // gone since the last run, or not loadable here: the main thread does what it would have done
            }
        }
        return found;
    }
}
