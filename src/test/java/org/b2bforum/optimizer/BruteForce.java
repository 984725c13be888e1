package org.b2bforum.optimizer;

import java.util.ArrayList;
import java.util.List;

/** The optimum of a tiny problem by trying every slot for every meeting (tables counted, not assigned). */
final class BruteForce {

    private BruteForce() {
    }

    /** The fewest total breaks of a complete, valid and fair schedule, or -1 if there is none. */
    static int optimum(SchedulingProblem problem) {
        int n = problem.meetings().size();
        int[] slot = new int[n];
        int[] best = {Integer.MAX_VALUE};
        search(problem, slot, 0, best, false);
        return best[0] == Integer.MAX_VALUE ? -1 : best[0];
    }

    /**
     * The fewest total breaks of any valid schedule that places every fixed meeting, whichever of the others it
     * places (none to all) and however unfair: what a lower bound valid "whatever is left out" must not exceed.
     */
    static int fewestKeepingFixed(SchedulingProblem problem) {
        int[] slot = new int[problem.meetings().size()];
        int[] best = {Integer.MAX_VALUE};
        search(problem, slot, 0, best, true);
        return best[0];
    }

    /** Every slot for every meeting; with {@code anySubset} also none for a free one, and fairness not asked. */
    private static void search(SchedulingProblem problem, int[] slot, int m, int[] best, boolean anySubset) {
        if (m == slot.length) {
            List<Placement> placements = new ArrayList<>();
            for (int i = 0; i < slot.length; i++) {
                if (slot[i] >= 0) {
                    placements.add(new Placement(i, slot[i], 0));
                }
            }
            int[] breaks = ScheduleChecker.breaks(problem, placements);
            int min = Integer.MAX_VALUE;
            int max = 0;
            int total = 0;
            for (int b : breaks) {
                min = Math.min(min, b);
                max = Math.max(max, b);
                total += b;
            }
            if (anySubset || max - min <= problem.fairness()) {
                best[0] = Math.min(best[0], total);
            }
            return;
        }
        MeetingRequest meeting = problem.meetings().get(m);
        for (int s = 0; s < problem.slots(); s++) {
            if (fits(problem, slot, m, meeting, s)) {
                slot[m] = s;
                search(problem, slot, m + 1, best, anySubset);
            }
        }
        if (anySubset && !meeting.isFixed()) {
            slot[m] = -1;
            search(problem, slot, m + 1, best, true);
        }
    }

    private static boolean fits(SchedulingProblem problem, int[] slot, int m, MeetingRequest meeting, int s) {
        boolean morning = s < problem.morningSlots();
        if ((meeting.session() == SessionPreference.MORNING && !morning)
                || (meeting.session() == SessionPreference.AFTERNOON && morning)
                || (meeting.isFixed() && meeting.fixedSlot() != s)
                || problem.forbidden().get(meeting.first()).contains(s)
                || problem.forbidden().get(meeting.second()).contains(s)) {
            return false;
        }
        int used = 0;
        for (int i = 0; i < m; i++) {
            if (slot[i] != s) {
                continue;
            }
            used++;
            MeetingRequest other = problem.meetings().get(i);
            if (other.first() == meeting.first() || other.first() == meeting.second()
                    || other.second() == meeting.first() || other.second() == meeting.second()) {
                return false;
            }
        }
        if (used >= problem.tablesPerSlot()[s]) {
            return false;
        }
        for (int i = 0; i < m; i++) {
            if (meeting.after().contains(i) && slot[i] >= s) {
                return false;
            }
            if (problem.meetings().get(i).after().contains(m) && slot[i] >= 0 && slot[i] <= s) {
                return false;
            }
        }
        return true;
    }
}
