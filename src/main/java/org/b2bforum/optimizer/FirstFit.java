package org.b2bforum.optimizer;

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

    /**
     * Improves a placement by moving single meetings to other free slots (both sides free, a table left, the
     * precedences kept) while that lowers, in this order, the excess over the fairness bound and the total
     * breaks, and, when no single move helps, by exchanging the slots of two meetings. Unplaced meetings are
     * placed where a move frees room. Stops at a local optimum, after {@code maxRounds} passes or after
     * {@code seconds}; used to give the solver a better hint and a fair answer of last resort.
     */
    static int[] improve(ProblemAnalysis analysis, int[] initial, int maxRounds, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int n = analysis.meetingCount();
        int slots = analysis.slots;
        int participants = analysis.meetingsOf.length;
        int[] slotOf = initial.clone();
        boolean[][] busy = new boolean[participants][slots];
        int[] used = new int[slots];
        for (int m = 0; m < n; m++) {
            if (slotOf[m] >= 0) {
                busy[analysis.meeting(m).first()][slotOf[m]] = true;
                busy[analysis.meeting(m).second()][slotOf[m]] = true;
                used[slotOf[m]]++;
            }
        }
        int[] breaks = new int[participants];
        for (int p = 0; p < participants; p++) {
            breaks[p] = BreakCounter.breaks(busy[p]);
        }
        List<List<Integer>> successors = successors(analysis);
        for (int round = 0; round < maxRounds && System.nanoTime() < deadline; round++) {
            boolean improved = false;
            for (int m = 0; m < n; m++) {
                MeetingRequest meeting = analysis.meeting(m);
                if (meeting.isFixed()) {
                    continue;
                }
                int a = meeting.first();
                int b = meeting.second();
                int from = slotOf[m];
                long best = score(breaks, analysis.fairness()); // as it is (placing gets a bonus below)
                int bestSlot = from;
                if (from >= 0) {
                    busy[a][from] = false;
                    busy[b][from] = false;
                    used[from]--;
                }
                int oldA = breaks[a];
                int oldB = breaks[b];
                for (int s : analysis.allowed[m]) {
                    if (s == from || busy[a][s] || busy[b][s] || used[s] >= analysis.tables[s]
                            || !orderOk(analysis, m, s, slotOf, successors)) {
                        continue;
                    }
                    busy[a][s] = true;
                    busy[b][s] = true;
                    breaks[a] = BreakCounter.breaks(busy[a]);
                    breaks[b] = BreakCounter.breaks(busy[b]);
                    long candidate = score(breaks, analysis.fairness()) - (from < 0 ? 1L << 40 : 0);
                    if (candidate < best) {
                        best = candidate;
                        bestSlot = s;
                    }
                    busy[a][s] = false;
                    busy[b][s] = false;
                }
                if (bestSlot >= 0) {
                    busy[a][bestSlot] = true;
                    busy[b][bestSlot] = true;
                    used[bestSlot]++;
                }
                slotOf[m] = bestSlot;
                breaks[a] = BreakCounter.breaks(busy[a]);
                breaks[b] = BreakCounter.breaks(busy[b]);
                improved |= bestSlot != from;
                if (bestSlot == from) {
                    breaks[a] = oldA;
                    breaks[b] = oldB;
                }
            }
            if (!improved) {
                improved = swaps(analysis, slotOf, busy, breaks, successors, deadline);
            }
            if (!improved) {
                break;
            }
        }
        return slotOf;
    }

    /** Exchanges the slots of two placed meetings when that lowers the score; true if one was made. */
    private static boolean swaps(ProblemAnalysis analysis, int[] slotOf, boolean[][] busy, int[] breaks,
            List<List<Integer>> successors, long deadline) {
        int n = slotOf.length;
        int d = analysis.fairness();
        long current = score(breaks, d);
        for (int m = 0; m < n && System.nanoTime() < deadline; m++) {
            for (int k = m + 1; k < n; k++) {
                int sm = slotOf[m];
                int sk = slotOf[k];
                if (sm < 0 || sk < 0 || sm == sk || analysis.meeting(m).isFixed() || analysis.meeting(k).isFixed()
                        || java.util.Arrays.binarySearch(analysis.allowed[m], sk) < 0
                        || java.util.Arrays.binarySearch(analysis.allowed[k], sm) < 0) {
                    continue;
                }
                MeetingRequest a = analysis.meeting(m);
                MeetingRequest b = analysis.meeting(k);
                int[] sides = {a.first(), a.second(), b.first(), b.second()};
                // move both out, then both in at the other's slot
                busy[a.first()][sm] = false;
                busy[a.second()][sm] = false;
                busy[b.first()][sk] = false;
                busy[b.second()][sk] = false;
                boolean free = !busy[a.first()][sk] && !busy[a.second()][sk] && !busy[b.first()][sm]
                        && !busy[b.second()][sm];
                slotOf[m] = sk;
                slotOf[k] = sm;
                boolean ok = free && orderOk(analysis, m, sk, slotOf, successors)
                        && orderOk(analysis, k, sm, slotOf, successors);
                int[] old = new int[4];
                for (int i = 0; i < 4; i++) {
                    old[i] = breaks[sides[i]];
                }
                if (ok) {
                    busy[a.first()][sk] = true;
                    busy[a.second()][sk] = true;
                    busy[b.first()][sm] = true;
                    busy[b.second()][sm] = true;
                    for (int p : sides) {
                        breaks[p] = BreakCounter.breaks(busy[p]);
                    }
                    if (score(breaks, d) < current) {
                        return true;
                    }
                    busy[a.first()][sk] = false;
                    busy[a.second()][sk] = false;
                    busy[b.first()][sm] = false;
                    busy[b.second()][sm] = false;
                }
                slotOf[m] = sm;
                slotOf[k] = sk;
                busy[a.first()][sm] = true;
                busy[a.second()][sm] = true;
                busy[b.first()][sk] = true;
                busy[b.second()][sk] = true;
                for (int i = 3; i >= 0; i--) {
                    breaks[sides[i]] = old[i];
                }
            }
        }
        return false;
    }

    /** Lower is better: first the excess over the fairness bound, then the total breaks. */
    private static long score(int[] breaks, int fairness) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        long total = 0;
        for (int b : breaks) {
            min = Math.min(min, b);
            max = Math.max(max, b);
            total += b;
        }
        long excess = breaks.length == 0 ? 0 : Math.max(0, max - min - fairness);
        return excess * 1_000_000L + total;
    }

    private static List<List<Integer>> successors(ProblemAnalysis analysis) {
        int n = analysis.meetingCount();
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
        return successors;
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
