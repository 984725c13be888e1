package org.b2bforum.optimizer;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Whether a thread of a given name ran during a build: asked every 5 ms from {@link #start} until {@link #stop}
 * (the row searches beside and instead of the solver, {@link RowsBesideTest}, {@link RowsInsteadTest}). A thread of
 * that name already alive at the start (another build's, still ending in this JVM) is not this build's and is not
 * counted, nor waited for.
 */
final class ThreadWatch {

    private final String name;
    private final Set<Thread> others;
    private final AtomicBoolean seen = new AtomicBoolean();
    private final AtomicLong firstSeen = new AtomicLong();
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final Thread watcher;

    private ThreadWatch(String name) {
        this.name = name;
        this.others = alive(name, Set.of());
        watcher = Thread.ofPlatform().daemon().start(this::watch);
    }

    static ThreadWatch start(String name) {
        return new ThreadWatch(name);
    }

    /** Whether the thread was seen alive so far (a build's stop: it ends the build once the thread is seen). */
    boolean seen() {
        return seen.get();
    }

    /** When the thread was first seen alive ({@link System#nanoTime}'s terms); only once {@link #seen}. */
    long firstSeen() {
        if (!seen.get()) {
            throw new IllegalStateException(name + " was not seen");
        }
        return firstSeen.get();
    }

    /** Stops watching; whether the thread was seen alive meanwhile. */
    boolean stop() throws InterruptedException {
        watching.set(false);
        watcher.join();
        return seen.get();
    }

    /** Waits until no thread of that name is alive, at most {@code seconds}; whether none is. */
    boolean ended(double seconds) throws InterruptedException {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (!alive(name, others).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return alive(name, others).isEmpty();
    }

    private void watch() {
        while (watching.get()) {
            if (!seen.get() && !alive(name, others).isEmpty()) {
                firstSeen.set(System.nanoTime());
                seen.set(true);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The threads of that name alive now, but {@code others}. */
    private static Set<Thread> alive(String name, Set<Thread> others) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(name) && !others.contains(t))
                .collect(Collectors.toSet());
    }
}
