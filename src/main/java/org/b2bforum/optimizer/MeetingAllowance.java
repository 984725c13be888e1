package org.b2bforum.optimizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-company meeting limit, before any solving: each participant may get only as many new
 * meetings as it has left ({@code limit} minus the meetings it has already), and the meetings
 * beyond that are left out with {@link Unplaced.Reason#LIMIT_REACHED}. Meetings are taken in the
 * given priority order (the caller puts must-meet wishes first). A meeting that could not be
 * placed anyway (no slot both sides could take) uses up nobody's allowance. Fixed meetings are
 * among the meetings a participant has already and are never left out.
 */
public final class MeetingAllowance {

    private MeetingAllowance() {
    }

    /**
     * @param limit   the most meetings a participant may have in all
     * @param active  per participant, the meetings it has already (fixed ones of the day included)
     * @param order   every meeting index of the problem, in priority order
     * @return the meetings beyond the allowance, in the order given; {@code wanted} is the limit
     *         and {@code available} the participant's allowance before this schedule
     */
    public static List<Unplaced> beyond(SchedulingProblem problem, int limit, int[] active, List<Integer> order) {
        if (active.length != problem.participants()) {
            throw new IllegalArgumentException("active must have one count per participant");
        }
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        int[] left = new int[active.length];
        for (int p = 0; p < active.length; p++) {
            left[p] = Math.max(0, limit - active[p]);
        }
        int[] allowance = left.clone();
        List<Unplaced> beyond = new ArrayList<>();
        for (int m : order) {
            MeetingRequest meeting = problem.meetings().get(m);
            if (meeting.isFixed() || analysis.allowed[m].length == 0) {
                continue;
            }
            int full = left[meeting.first()] == 0 ? meeting.first() : left[meeting.second()] == 0 ? meeting.second() : -1;
            if (full >= 0) {
                beyond.add(new Unplaced(m, Unplaced.Reason.LIMIT_REACHED, full, limit, allowance[full]));
            } else {
                left[meeting.first()]--;
                left[meeting.second()]--;
            }
        }
        return beyond;
    }
}
