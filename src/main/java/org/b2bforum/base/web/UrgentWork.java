package org.b2bforum.base.web;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Work a user is waiting for at a rush, which this node serves before work that can come a moment later: a booking
 * click waiting for its turn among the booking steps ({@code TransactionRetry}) is urgent; opening a page waits while
 * urgent work is under way ({@link #awaitCalm}), for a bounded time. When the booking
 * window opens and hundreds press "Send" at once, each booking turn is a few round trips to the database, and each
 * round trip waited for a core behind the pages the users who had their answer were opening (bench/README.md, issue 17).
 */
@Component
public class UrgentWork {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition calm = lock.newCondition();
    private int inProgress;

    /** Runs {@code work} as urgent: {@link #awaitCalm} waits until it and all other urgent work have ended. */
    public <T> T run(Supplier<T> work) {
        lock.lock();
        try {
            inProgress++;
        } finally {
            lock.unlock();
        }
        try {
            return work.get();
        } finally {
            lock.lock();
            try {
                if (--inProgress == 0) {
                    calm.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits until no urgent work waits or runs, at most {@code max} (work that can wait is not refused, only put
     * after). Returns whether it was calm in time; an interrupt ends the wait and is kept.
     */
    public boolean awaitCalm(Duration max) {
        long left = max.toNanos();
        lock.lock();
        try {
            while (inProgress > 0) {
                if (left <= 0) {
                    return false;
                }
                left = calm.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** How many urgent pieces of work wait or run now. */
    public int inProgress() {
        lock.lock();
        try {
            return inProgress;
        } finally {
            lock.unlock();
        }
    }

}
