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
 */
public record ScheduleResult(List<Placement> placements, List<Unplaced> unplaced, int totalBreaks, int maxBreaks,
        int fairnessGap, int lowerBound, boolean provedOptimal, Duration elapsed) {

    public ScheduleResult {
        placements = List.copyOf(placements);
        unplaced = List.copyOf(unplaced);
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
