package org.b2bforum.optimizer;

import java.time.Duration;
import java.util.List;

/**
 * The optimiser's answer.
 *
 * @param placements     one per placed meeting
 * @param unplaced       one per meeting not placed, with the reason
 * @param totalBreaks    the breaks of all participants together (a break = one run of idle slots between two
 *                       meetings of the same participant)
 * @param maxBreaks      the largest number of breaks of one participant
 * @param fairnessGap    the largest difference between two participants' breaks
 * @param lowerBound     the best proven lower bound on total breaks for the placed meetings
 * @param provedOptimal  whether {@code totalBreaks} is proven minimal
 * @param elapsed        the solving time
 * @param fixedMeetingsGap  the fairness gap of the fixed meetings alone (the caller's commitments, which the
 *                       scheduler never leaves out): when it is above the problem's d, the answer is made fair within
 *                       this gap instead of d (taking free meetings out always brings the day down to it, not always
 *                       below), and its gap may be up to this one, never above; 0 without fixed meetings
 */
public record ScheduleResult(List<Placement> placements, List<Unplaced> unplaced, int totalBreaks, int maxBreaks,
        int fairnessGap, int lowerBound, boolean provedOptimal, Duration elapsed, int fixedMeetingsGap) {

    public ScheduleResult {
        placements = List.copyOf(placements);
        unplaced = List.copyOf(unplaced);
    }

    /** Without fixed meetings that are further apart than d on their own. */
    public ScheduleResult(List<Placement> placements, List<Unplaced> unplaced, int totalBreaks, int maxBreaks,
            int fairnessGap, int lowerBound, boolean provedOptimal, Duration elapsed) {
        this(placements, unplaced, totalBreaks, maxBreaks, fairnessGap, lowerBound, provedOptimal, elapsed, 0);
    }

    /**
     * Whether the gap above {@code fairness} (d) comes from the fixed meetings: they alone are further apart than d
     * and are kept, and the answer is within their gap.
     */
    public boolean unfairBecauseOfFixedMeetings(int fairness) {
        return fairnessGap > fairness && fixedMeetingsGap > fairness && fairnessGap <= fixedMeetingsGap;
    }

    /**
     * Whether this answer is strictly better than {@code than}, an answer to the same problem: more meetings placed
     * (placing comes first, fair or not), then within the fairness bound where the other is not, then fewer breaks.
     */
    public boolean betterThan(ScheduleResult than, int fairness) {
        if (placements.size() != than.placements.size()) {
            return placements.size() > than.placements.size();
        }
        boolean fair = fairnessGap <= fairness;
        boolean thanFair = than.fairnessGap <= fairness;
        if (fair != thanFair) {
            return fair;
        }
        return totalBreaks < than.totalBreaks;
    }
}
