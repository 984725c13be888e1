package org.b2bforum.optimizer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The row search ({@link RowSearch}) going on beside the unrestricted question just above the participants' summed bound
 * and the questions after it, from the start's local search's schedule, until the optimisation begins (the package
 * documentation says when it starts and why not earlier): on the crafted day with forbidden slots
 * (forum-13crafc.forbidden) those questions answered nothing in rounds 16-25 at 10 s ("at most 2?" and "at most 3?"
 * unanswered for 6-7 s), while the row search, given that time, is the part that still improves (issue 15,
 * twenty-sixth round). Started once, lazily; its best is the optimisation's hint when it is better.
 */
final class RowsBeside {

    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicInteger breaks = new AtomicInteger(Integer.MAX_VALUE);
    private FutureTask<int[]> task;

    /**
     * Starts the search (once) in a thread of its own for at most {@code seconds}: it waits for the start's local
     * search ({@code annealed}) and goes on from it when that places every meeting fairly; ended by {@link #finish},
     * by {@code stop} or by a stop of {@code clock}.
     */
    void start(ProblemAnalysis analysis, Supplier<int[]> annealed, double seconds, long seed, BooleanSupplier stop,
            CpSatScheduler.Clock clock, Scheduler.ProgressListener told) {
        if (task != null) {
            return;
        }
        clock.stops(done);
        long until = System.nanoTime() + (long) (seconds * 1e9);
        task = new FutureTask<>(() -> {
            int[] from = annealed.get();
            double left = (until - System.nanoTime()) / 1e9;
            if (CpSatScheduler.completeBreaks(analysis, from) == Integer.MAX_VALUE || left < 0.05 || done.get()) {
                return from;
            }
            int placed = analysis.meetingCount();
            return RowSearch.improve(analysis, from, left, Long.MAX_VALUE, seed, RowSearch.KEMPE_PER_ROW,
                    RowSearch.KEMPE_FOCUS, RowSearch.EXCHANGES_PER_ROW, () -> done.get() || stop.getAsBoolean(),
                    found -> {
                        breaks.set(found);
                        told.improved(placed, found, 0, clock.elapsed());
                    });
        });
        Thread.ofPlatform().daemon().name("scheduler-rows-beside").start(task);
    }

    /** The breaks of the best schedule it has told of so far ({@link Integer#MAX_VALUE}: none). */
    int breaks() {
        return breaks.get();
    }

    /** Ends the search and answers its best (a complete fair schedule or the start's), or null when never started. */
    int[] finish() {
        done.set(true);
        if (task == null) {
            return null;
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
