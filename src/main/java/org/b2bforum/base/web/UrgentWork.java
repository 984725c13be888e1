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
 * <p>
 * Urgent work can also last until the end of the request it runs in ({@link #untilRequestEnds}): a booking click at the
 * rush stays urgent until its answer is written, so that the pages of those already answered do not take the cores
 * from the last turns and answers. Where requests begin and end is told by whoever handles them
 * ({@link #requestStarted}, {@link #requestEnded}: {@code PageOpens} for Vaadin's requests); outside a request nothing
 * is held beyond {@link #run}.
 */
@Component
public class UrgentWork {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition calm = lock.newCondition();
    private int inProgress;
    /** The request on this thread, if one was told to have begun; whether it holds a piece of urgent work. */
    private final ThreadLocal<boolean[]> request = new ThreadLocal<>();

    /** Runs {@code work} as urgent: {@link #awaitCalm} waits until it and all other urgent work have ended. */
    public <T> T run(Supplier<T> work) {
        begin();
        try {
            return work.get();
        } finally {
            end();
        }
    }

    /** A request begins on this thread: urgent work in it may last until it ends ({@link #untilRequestEnds}). */
    public void requestStarted() {
        request.set(new boolean[1]);
    }

    /** The request on this thread has ended (its answer written): the urgent work it held, if any, ends. */
    public void requestEnded() {
        boolean[] held = request.get();
        request.remove();
        if (held != null && held[0]) {
            end();
        }
    }

    /**
     * The request on this thread is urgent work until it ends ({@link #requestEnded}), once however often this is
     * called. Outside a request told to have begun, nothing happens.
     */
    public void untilRequestEnds() {
        boolean[] held = request.get();
        if (held != null && !held[0]) {
            held[0] = true;
            begin();
        }
    }

    private void begin() {
        lock.lock();
        try {
            inProgress++;
        } finally {
            lock.unlock();
        }
    }

    private void end() {
        lock.lock();
        try {
            if (--inProgress == 0) {
                calm.signalAll();
            }
        } finally {
            lock.unlock();
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
