package org.b2bforum;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;

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
}
