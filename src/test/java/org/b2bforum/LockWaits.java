package org.b2bforum;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Tests of two transactions that take turns: whether the second came to wait for the first's row lock. */
public final class LockWaits {

    private LockWaits() {
    }

    /**
     * Whether a transaction of the database waits for a row lock, looked for until {@code ended} or two minutes went
     * by. Each look 150 ms after the last: InnoDB refreshes {@code information_schema.innodb_trx} only when nobody
     * read it for 0.1 s, so that asked every 10 ms it went on showing the moment of its first read (a look before the
     * wait never saw it, and the test waited out the lock's 50 s time-out), and a look within 0.1 s of the test before
     * showed that test's wait.
     */
    public static boolean untilOne(JdbcTemplate jdbc, CountDownLatch ended) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!ended.await(150, TimeUnit.MILLISECONDS) && System.nanoTime() < until) {
            if (jdbc.queryForObject("select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT'",
                    Integer.class) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code first} as the organizer in a transaction held open until {@code second}, as the organizer in another
     * thread, waits for a row lock (or two minutes went by), then commits it; returns what {@code second} threw (null
     * when nothing).
     */
    public static Throwable whileHeld(BookingFixture fixture, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, Runnable first, Runnable second) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondEnded = new CountDownLatch(1);
        TransactionTemplate held = new TransactionTemplate(transactionManager);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> holding = threads.submit(() -> fixture.asOrganizer(() -> held.executeWithoutResult(status -> {
                first.run();
                done.countDown();
                await(release);
            })));
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("The first transaction did not get to hold its locks");
            }
            Future<Throwable> other = threads.submit(() -> {
                try {
                    fixture.asOrganizer(second);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                } finally {
                    secondEnded.countDown();
                }
            });
            untilOne(jdbc, secondEnded);
            release.countDown();
            holding.get(60, TimeUnit.SECONDS);
            return other.get(60, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
            threads.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(150, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
