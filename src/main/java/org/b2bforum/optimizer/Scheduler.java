package org.b2bforum.optimizer;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Places the meetings of one day into slots and tables. Implementations are thread-safe. */
public interface Scheduler {

    /**
     * Solves within the time limit; never throws for an infeasible problem but lists what it could not place.
     *
     * @param progress told about each better solution found (may be called from solver threads)
     */
    ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress);

    /**
     * Solves on from {@code start}, an earlier answer to the same problem: an implementation that can start from it
     * does so where it is better than its own start. This one solves afresh (its answer may be worse than
     * {@code start}: the caller keeps the better of the two).
     */
    default ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress,
            ScheduleResult start) {
        return solve(problem, timeLimit, progress);
    }

    /** A solve nobody stops. */
    BooleanSupplier NOT_STOPPED = () -> false;

    /**
     * As {@link #solve(SchedulingProblem, Duration, ProgressListener, ScheduleResult)} ({@code start} may be null),
     * ending early once {@code stop} says so (it is asked about ten times a second, from a thread of its own): the
     * caller no longer wants the answer (an organizer stopped the build), and the solve's threads end within about a
     * second, the CPU given back, with whatever it has by then. Not stopped, the solve is the same as without. This
     * one never stops early.
     */
    default ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress,
            ScheduleResult start, BooleanSupplier stop) {
        return start == null ? solve(problem, timeLimit, progress) : solve(problem, timeLimit, progress, start);
    }

    /**
     * Makes this JVM's first {@link #solve} as strong as later ones (native libraries loaded, the search's code
     * compiled), by solving a small made-up day. May take a CPU second or two: meant for a background thread at the
     * application's start. Nothing to do by default.
     */
    default void warmUp() {
    }

    /** Progress of a running solve. */
    @FunctionalInterface
    interface ProgressListener {

        ProgressListener NONE = (placed, totalBreaks, lowerBound, seconds) -> { };

        void improved(int placed, int totalBreaks, int lowerBound, double seconds);

        /**
         * {@code to} told only of a new best of the objective, more meetings placed first, then fewer breaks, with
         * the highest bound heard so far (never above the breaks told). For a caller that runs several solves (the
         * product's must-meet wishes first: each part reports its own best) and shows one line that must not go
         * down.
         */
        static ProgressListener newBestOnly(ProgressListener to) {
            return new CpSatScheduler.BestSoFar(to);
        }
    }
}
