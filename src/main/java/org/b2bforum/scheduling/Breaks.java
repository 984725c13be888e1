package org.b2bforum.scheduling;

import java.util.List;

/** Counts breaks: a break is one run of idle slots between two meetings of the same participant. */
public final class Breaks {

    private Breaks() {
    }

    /** Breaks per participant for the given placements. */
    public static int[] perParticipant(SchedulingProblem problem, List<Placement> placements) {
        boolean[][] busy = new boolean[problem.participants()][problem.slots()];
        for (Placement placement : placements) {
            MeetingRequest meeting = problem.meetings().get(placement.meeting());
            busy[meeting.first()][placement.slot()] = true;
            busy[meeting.second()][placement.slot()] = true;
        }
        int[] breaks = new int[problem.participants()];
        for (int p = 0; p < busy.length; p++) {
            int blocks = 0;
            for (int s = 0; s < problem.slots(); s++) {
                if (busy[p][s] && (s == 0 || !busy[p][s - 1])) {
                    blocks++;
                }
            }
            breaks[p] = Math.max(0, blocks - 1);
        }
        return breaks;
    }

    static int total(int[] breaks) {
        int total = 0;
        for (int b : breaks) {
            total += b;
        }
        return total;
    }

    static int max(int[] breaks) {
        int max = 0;
        for (int b : breaks) {
            max = Math.max(max, b);
        }
        return max;
    }

    /** The largest difference between two participants' breaks (over all participants). */
    static int gap(int[] breaks) {
        if (breaks.length == 0) {
            return 0;
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int b : breaks) {
            min = Math.min(min, b);
            max = Math.max(max, b);
        }
        return max - min;
    }
}
