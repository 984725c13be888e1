package org.b2bforum.optimizer;

import java.util.Arrays;

/**
 * The fair part of a schedule: meetings taken out of it, one at a time, until every two participants' breaks differ
 * by at most the fairness bound d. The fairness bound is a rule of the product, so a build never answers with a gap
 * above d; the start's local search, though, trades fairness for placed meetings (a meeting out costs more than a
 * break of unfairness), and a build starved of CPU (a 2 s limit beside three busy loops) returned its schedule as it
 * was: forum-13.tables8 once placed 148 meetings with a gap of 3 (bench/README, issue 15, eighteenth round).
 *
 * <p>Each step takes out the meeting whose removal leaves the smallest excess over d (then the fewest participants
 * above the lowest count + d, a fixed meeting only when nothing else does better, then the fewest breaks). Taking a
 * meeting out never breaks a precedence, a table or a slot, and the empty schedule is fair, so it ends, fair, after
 * at most as many steps as meetings placed; where the start is fair it is returned as it is.
 */
final class FairPart {

    private FairPart() {
    }

    /** {@code slots} (per meeting its slot, -1 when left out) with meetings left out until it is fair. */
    static int[] of(ProblemAnalysis analysis, int[] slots) {
        int d = analysis.problem.fairness();
        int participants = analysis.meetingsOf.length;
        int[] slotOf = slots.clone();
        boolean[][] meets = new boolean[participants][analysis.slots];
        for (int m = 0; m < slotOf.length; m++) {
            if (slotOf[m] >= 0) {
                MeetingRequest meeting = analysis.meeting(m);
                meets[meeting.first()][slotOf[m]] = true;
                meets[meeting.second()][slotOf[m]] = true;
            }
        }
        int[] breaks = new int[participants];
        for (int p = 0; p < participants; p++) {
            breaks[p] = BreakCounter.breaks(meets[p]);
        }
        while (BreakCounter.gap(breaks) > d) {
            int bestMeeting = -1;
            long bestScore = Long.MAX_VALUE;
            for (int m = 0; m < slotOf.length; m++) {
                if (slotOf[m] < 0) {
                    continue;
                }
                MeetingRequest meeting = analysis.meeting(m);
                int a = meeting.first();
                int b = meeting.second();
                int oldA = breaks[a];
                int oldB = breaks[b];
                meets[a][slotOf[m]] = false;
                meets[b][slotOf[m]] = false;
                breaks[a] = BreakCounter.breaks(meets[a]);
                breaks[b] = BreakCounter.breaks(meets[b]);
                long score = score(breaks, d, meeting.isFixed());
                meets[a][slotOf[m]] = true;
                meets[b][slotOf[m]] = true;
                breaks[a] = oldA;
                breaks[b] = oldB;
                if (score < bestScore) {
                    bestScore = score;
                    bestMeeting = m;
                }
            }
            MeetingRequest out = analysis.meeting(bestMeeting);
            meets[out.first()][slotOf[bestMeeting]] = false;
            meets[out.second()][slotOf[bestMeeting]] = false;
            breaks[out.first()] = BreakCounter.breaks(meets[out.first()]);
            breaks[out.second()] = BreakCounter.breaks(meets[out.second()]);
            slotOf[bestMeeting] = -1;
        }
        return slotOf;
    }

    /** Lower is better: the excess over d, then the participants above the lowest + d, then fixed, then breaks. */
    private static long score(int[] breaks, int d, boolean fixed) {
        int low = Arrays.stream(breaks).min().orElse(0);
        int excess = Math.max(0, BreakCounter.gap(breaks) - d);
        long above = Arrays.stream(breaks).filter(b -> b > low + d).count();
        return ((long) excess << 40) + (above << 24) + ((fixed ? 1L : 0L) << 20) + BreakCounter.total(breaks);
    }
}
