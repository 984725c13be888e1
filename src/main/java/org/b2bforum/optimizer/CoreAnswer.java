package org.b2bforum.optimizer;

import com.google.ortools.sat.CpSolverStatus;

/**
 * What a build keeps of the core-based question just above the participants' bound ({@link CpSatModel#minimiseWithCore},
 * the fewest breaks told the bound): the schedule it found, the bound it proved, and whether that schedule is proved
 * optimal. Until stop 50 the build kept its schedule only when it had at most the bound's breaks and threw everything
 * else away: a schedule one above the bound that the worker had proved optimal, a schedule better than the local
 * search's, the bound the worker had raised (issue 15, stop 50, i15-opt27).
 *
 * @param slots  the worker's schedule, or null when it found none
 * @param breaks the schedule's total breaks ({@link Integer#MAX_VALUE} without one): the build measures the local
 *               search's schedule against it
 * @param bound  the total breaks proved at least: the build's bound, raised by the worker's; the schedule's breaks
 *               when it is proved optimal
 * @param proved the schedule is optimal: the worker proved it (OPTIMAL), or it has no more breaks than the bound
 */
record CoreAnswer(int[] slots, int breaks, int bound, boolean proved) {

    /** The answer of {@code core}, asked with every level below {@code lowerBound} refuted. */
    static CoreAnswer of(ProblemAnalysis analysis, int lowerBound, CpSatModel.Outcome core) {
        int bound = Math.max(lowerBound, core.bound());
        if (!core.hasSolution()) {
            return new CoreAnswer(null, Integer.MAX_VALUE, bound, false);
        }
        int breaks = CpSatScheduler.resultOf(analysis, core.slots()).totalBreaks();
        if (core.status() == CpSolverStatus.OPTIMAL || breaks <= bound) {
            return new CoreAnswer(core.slots(), breaks, breaks, true);
        }
        return new CoreAnswer(core.slots(), breaks, bound, false);
    }
}
