package org.b2bforum.optimizer;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a thread of a given name ran during a build: asked every 5 ms from {@link #start} until {@link #stop}
 * (the row searches beside and instead of the solver, {@link RowsBesideTest}, {@link RowsInsteadTest}).
 */
final class ThreadWatch {

    private final String name;
    private final AtomicBoolean seen = new AtomicBoolean();
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final Thread watcher;

    private ThreadWatch(String name) {
        this.name = name;
        watcher = Thread.ofPlatform().daemon().start(this::watch);
    }

    static ThreadWatch start(String name) {
        return new ThreadWatch(name);
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
        while (alive(name) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return !alive(name);
    }

    private void watch() {
        while (watching.get()) {
            if (alive(name)) {
                seen.set(true);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean alive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(name));
    }
}
