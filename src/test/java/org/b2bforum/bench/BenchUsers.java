package org.b2bforum.bench;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Runs what simulated users do, each on a virtual thread, at most a given number at once. */
final class BenchUsers {

    private BenchUsers() {
    }

    /**
     * Runs {@code action} for every user, at most {@code parallel} at once, all starting together;
     * a user whose action throws is handed to {@code failed} and the others go on.
     */
    static <U> void each(List<U> users, int parallel, Consumer<U> action, BiConsumer<U, RuntimeException> failed)
            throws InterruptedException {
        Semaphore permits = new Semaphore(parallel);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(users.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (U user : users) {
                threads.submit(() -> {
                    try {
                        start.await();
                        permits.acquire();
                        try {
                            action.accept(user);
                        } finally {
                            permits.release();
                        }
                    } catch (RuntimeException e) {
                        failed.accept(user, e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            start.countDown();
            if (!done.await(20, TimeUnit.MINUTES)) {
                throw new IllegalStateException("users still busy after 20 minutes");
            }
        }
    }
}
