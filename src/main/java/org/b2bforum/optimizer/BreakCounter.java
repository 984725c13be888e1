package org.b2bforum.optimizer;

import java.util.Arrays;
import java.util.List;

/**
 * Counts breaks: a break of a participant is one run of idle slots between two of its meetings
 * (idle slots before the first or after the last meeting are not breaks).
 */
public final class BreakCounter {

    private BreakCounter() {
    }

    /** The breaks of each participant (index = participant) when the meetings take these places. */
    public static int[] perParticipant(SchedulingProblem problem, List<Placement> placements) {
        boolean[][] meets = new boolean[problem.participants()][problem.slots()];
        for (Placement placement : placements) {
            MeetingRequest meeting = problem.meetings().get(placement.meeting());
            meets[meeting.first()][placement.slot()] = true;
            meets[meeting.second()][placement.slot()] = true;
        }
        int[] breaks = new int[problem.participants()];
        for (int participant = 0; participant < breaks.length; participant++) {
            breaks[participant] = breaks(meets[participant]);
        }
        return breaks;
    }

    /** The breaks in one participant's day: {@code meets[slot]} is whether it has a meeting then. */
    public static int breaks(boolean[] meets) {
        int breaks = 0;
        int last = -1;
        for (int slot = 0; slot < meets.length; slot++) {
            if (meets[slot]) {
                if (last >= 0 && slot > last + 1) {
                    breaks++;
                }
                last = slot;
            }
        }
        return breaks;
    }

    public static int total(int[] breaks) {
        return Arrays.stream(breaks).sum();
    }

    public static int max(int[] breaks) {
        return Arrays.stream(breaks).max().orElse(0);
    }

    /**
     * A lower bound on the total breaks of any schedule of the problem that keeps its fixed meetings (as every
     * scheduler's answer does), however many of the others it places: per participant, the runs of idle slots between
     * its fixed meetings that its other meetings cannot all fill together (see {@code ProblemAnalysis}).
     */
    public static int fixedMeetingsBound(SchedulingProblem problem) {
        return new ProblemAnalysis(problem).fixedBreaksLowerBound();
    }

    /** The fairness gap of the problem's fixed meetings alone (those that can all be kept together). */
    public static int fixedMeetingsGap(SchedulingProblem problem) {
        return new ProblemAnalysis(problem).fixedGap;
    }

    /** The largest difference between two participants' breaks. */
    public static int gap(int[] breaks) {
        return breaks.length == 0 ? 0 : max(breaks) - Arrays.stream(breaks).min().orElse(0);
    }
}
