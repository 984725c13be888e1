package org.b2bforum.optimizer;

import java.time.Duration;

/** Places the meetings of one day into slots and tables. Implementations are thread-safe. */
public interface Scheduler {

    /**
     * Solves within the time limit; never throws for an infeasible problem but lists what it could not place.
     *
     * @param progress told about each better solution found (may be called from solver threads)
     */
    ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress);

    /** Progress of a running solve. */
    @FunctionalInterface
    interface ProgressListener {

        ProgressListener NONE = (placed, totalBreaks, lowerBound, seconds) -> { };

        void improved(int placed, int totalBreaks, int lowerBound, double seconds);
    }
}
