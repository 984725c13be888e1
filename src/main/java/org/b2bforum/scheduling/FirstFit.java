package org.b2bforum.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A quick constructive placement used as the solver's starting hint and as the answer of last resort when
 * the solver finds nothing in time. Meetings are taken most constrained first (fixed, then fewest allowed
 * slots, then busiest participants); each goes to the allowed slot where both sides are free, a table is
 * left and the precedences hold, preferring slots next to the sides' meetings already placed (fewer breaks).
 */
final class FirstFit {

    private FirstFit() {
    }

    /** Per meeting its slot, or -1 where none was found. */
    static int[] place(ProblemAnalysis analysis) {
        int n = analysis.meetingCount();
        int slots = analysis.slots;
        int[] load = new int[analysis.meetingsOf.length];
        for (int p = 0; p < load.length; p++) {
            load[p] = analysis.meetingsOf[p].length;
        }
        List<Integer> order = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            order.add(m);
        }
        order.sort(Comparator.comparingInt((Integer m) -> analysis.meeting(m).isFixed() ? 0 : 1)
                .thenComparingInt(m -> analysis.allowed[m].length)
                .thenComparingInt(m -> -(load[analysis.meeting(m).first()] + load[analysis.meeting(m).second()])));
        boolean[][] busy = new boolean[load.length][slots];
        int[] used = new int[slots];
        int[] slotOf = new int[n];
        Arrays.fill(slotOf, -1);
        List<List<Integer>> successors = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            successors.add(new ArrayList<>());
        }
        for (int m = 0; m < n; m++) {
            for (int before : analysis.meeting(m).after()) {
                if (before >= 0 && before < n) {
                    successors.get(before).add(m);
                }
            }
        }
        for (int m : order) {
            MeetingRequest meeting = analysis.meeting(m);
            int a = meeting.first();
            int b = meeting.second();
            int best = -1;
            int bestScore = Integer.MIN_VALUE;
            for (int s : analysis.allowed[m]) {
                if (busy[a][s] || busy[b][s] || used[s] >= analysis.tables[s] || !orderOk(analysis, m, s, slotOf,
                        successors)) {
                    continue;
                }
                int score = adjacency(busy[a], s) + adjacency(busy[b], s);
                if (score > bestScore) {
                    bestScore = score;
                    best = s;
                }
            }
            if (best >= 0) {
                slotOf[m] = best;
                busy[a][best] = true;
                busy[b][best] = true;
                used[best]++;
            }
        }
        return slotOf;
    }

    private static int adjacency(boolean[] busy, int s) {
        boolean any = false;
        for (boolean b : busy) {
            any |= b;
        }
        if (!any) {
            return 0;
        }
        int score = 0;
        if (s > 0 && busy[s - 1]) {
            score += 2;
        }
        if (s + 1 < busy.length && busy[s + 1]) {
            score += 2;
        }
        return score == 0 ? -1 : score;
    }

    private static boolean orderOk(ProblemAnalysis analysis, int m, int s, int[] slotOf,
            List<List<Integer>> successors) {
        for (int before : analysis.meeting(m).after()) {
            if (before >= 0 && before < slotOf.length && slotOf[before] >= 0 && slotOf[before] >= s) {
                return false;
            }
        }
        for (int after : successors.get(m)) {
            if (slotOf[after] >= 0 && slotOf[after] <= s) {
                return false;
            }
        }
        return true;
    }
}
