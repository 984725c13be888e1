package org.b2bforum.optimizer;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Simulated annealing over placements, for a starting schedule with few breaks: CP-SAT's first schedule on a
 * hard day had several times the breaks of the optimum, and on a loaded machine it often found none in time.
 * A step puts one meeting into another allowed slot; the meetings in its way there (either side's meeting in
 * that slot, or one at random when the tables are full) leave their slots and wait to be put back. The cost
 * counts unplaced meetings, then the excess over the fairness bound, then the breaks, so the search may pass
 * through schedules with a meeting out, but the best one kept is compared lexicographically, as the floor is:
 * more placed, then fair, then fewer breaks. Fixed meetings never move; precedences are kept at every step.
 */
final class LocalSearch {

    /** Cost of a meeting left out, and of one break of unfairness, against one break. */
    private static final int UNPLACED_COST = 4;
    private static final int UNFAIR_COST = 3;

    private final ProblemAnalysis analysis;
    private final int n;
    private final int slots;
    private final int d;
    private final int[] slotOf;
    /** Per participant, its busy slots as bits. */
    private final int[] busy;
    /** Per participant and slot, its meeting there or -1. */
    private final int[][] meetingAt;
    /** Per slot, its meetings (the first used[s] entries). */
    private final int[][] inSlot;
    private final int[] used;
    private final int[] position;
    private final int[] breaks;
    /** How many participants have each number of breaks (for the fairness gap). */
    private final int[] withBreaks;
    private final int[][] successors;
    private final boolean counted[];
    private int unplaced;
    private int totalBreaks;

    private LocalSearch(ProblemAnalysis analysis, int[] start) {
        this.analysis = analysis;
        this.n = analysis.meetingCount();
        this.slots = analysis.slots;
        this.d = analysis.fairness();
        int participants = analysis.meetingsOf.length;
        slotOf = new int[n];
        Arrays.fill(slotOf, -1);
        busy = new int[participants];
        meetingAt = new int[participants][slots];
        for (int[] row : meetingAt) {
            Arrays.fill(row, -1);
        }
        inSlot = new int[slots][n];
        used = new int[slots];
        position = new int[n];
        breaks = new int[participants];
        withBreaks = new int[slots + 1];
        counted = new boolean[participants];
        for (int p = 0; p < participants; p++) {
            counted[p] = true; // the fairness gap is over everyone, as BreakCounter.gap counts it
            withBreaks[0]++;
        }
        successors = analysis.successors();
        unplaced = n;
        for (int m = 0; m < n; m++) {
            if (start[m] >= 0) {
                put(m, start[m]);
            }
        }
    }

    /**
     * The best schedule found from {@code start} within {@code seconds} (or {@code maxSteps} steps): never worse
     * than {@code start} by the floor's order (more placed, then fair, then fewer breaks).
     */
    static int[] improve(ProblemAnalysis analysis, int[] start, double seconds, long maxSteps, long seed) {
        return improve(analysis, start, seconds, maxSteps, seed, () -> false);
    }

    /** As above, and ends early once {@code stop} says so (checked every thousand steps). */
    static int[] improve(ProblemAnalysis analysis, int[] start, double seconds, long maxSteps, long seed,
            java.util.function.BooleanSupplier stop) {
        return improve(analysis, start, seconds, maxSteps, seed, stop, null);
    }

    /**
     * As above; {@code placedMore}, unless null, is given a copy of each best schedule that places more meetings or
     * is fair where the best before was not (so a caller that cannot wait for the end still has those).
     */
    static int[] improve(ProblemAnalysis analysis, int[] start, double seconds, long maxSteps, long seed,
            java.util.function.BooleanSupplier stop, java.util.function.Consumer<int[]> placedMore) {
        if (analysis.meetingCount() == 0 || analysis.slots > 31) {
            return start.clone();
        }
        return new LocalSearch(analysis, start).anneal(seconds, maxSteps, new SplittableRandom(seed), stop,
                placedMore);
    }

    private int[] anneal(double seconds, long maxSteps, SplittableRandom random,
            java.util.function.BooleanSupplier stop, java.util.function.Consumer<int[]> placedMore) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int[] best = slotOf.clone();
        long bestKey = key();
        // nothing is better than every meeting placed, fairly, with the participants' own bounds for breaks
        // (ProblemAnalysis.minBreaks), or, where the data force meetings out, only those out, without a break: on a
        // small day the search is there at once, and the build waits for this thread where not every meeting fits
        int forcedOut = analysis.leastLeftOut();
        long unbeatable = forcedOut == 0 ? analysis.breaksLowerBound() : (long) forcedOut << 40;
        long begun = System.nanoTime();
        double start = 1.5;
        double end = 0.05;
        double temperature = start;
        long checkEvery = 1024;
        int[] ejected = new int[3];
        int[] ejectedFrom = new int[3];
        for (long step = 0; step < maxSteps && bestKey > unbeatable; step++) {
            if (step % checkEvery == 0) {
                long now = System.nanoTime();
                if (now > deadline || stop.getAsBoolean()) {
                    break;
                }
                // cooled by the share of steps or of time used, whichever is further (a loaded machine gives
                // fewer steps per second, and the search should still end cold)
                double progress = Math.max((double) step / maxSteps, (double) (now - begun) / (deadline - begun));
                temperature = start * Math.pow(end / start, progress);
            }
            int m = random.nextInt(n);
            int[] allowed = analysis.allowed[m];
            MeetingRequest meeting = analysis.meeting(m);
            if (meeting.isFixed() && slotOf[m] >= 0 || allowed.length == 0) {
                continue;
            }
            int to = allowed[random.nextInt(allowed.length)];
            int from = slotOf[m];
            if (to == from) {
                continue;
            }
            int a = meeting.first();
            int b = meeting.second();
            int before = cost();
            // take m out, then whatever stands in its way at the new slot
            int out = 0;
            if (from >= 0) {
                take(m);
            }
            boolean ok = true;
            for (int p : new int[] {a, b}) {
                int other = meetingAt[p][to];
                if (other >= 0) {
                    if (analysis.meeting(other).isFixed()) {
                        ok = false;
                        break;
                    }
                    ejected[out] = other;
                    ejectedFrom[out++] = to;
                    take(other);
                }
            }
            if (ok && used[to] >= analysis.tables[to]) {
                int other = inSlot[to][random.nextInt(used[to])];
                if (analysis.meeting(other).isFixed()) {
                    ok = false;
                } else {
                    ejected[out] = other;
                    ejectedFrom[out++] = to;
                    take(other);
                }
            }
            ok = ok && orderOk(m, to);
            if (ok) {
                put(m, to);
                int delta = cost() - before;
                if (delta <= 0 || random.nextDouble() < Math.exp(-delta / temperature)) {
                    long now = key();
                    if (now < bestKey) {
                        boolean placedMoreNow = placedMore != null && now >>> 32 < bestKey >>> 32;
                        bestKey = now;
                        System.arraycopy(slotOf, 0, best, 0, n);
                        if (placedMoreNow) {
                            placedMore.accept(best.clone());
                        }
                    }
                    continue;
                }
                take(m);
            }
            for (int i = out - 1; i >= 0; i--) {
                put(ejected[i], ejectedFrom[i]);
            }
            if (from >= 0) {
                put(m, from);
            }
        }
        return best;
    }

    private int gapExcess() {
        int low = 0;
        while (low < withBreaks.length && withBreaks[low] == 0) {
            low++;
        }
        int high = withBreaks.length - 1;
        while (high > 0 && withBreaks[high] == 0) {
            high--;
        }
        return low >= withBreaks.length ? 0 : Math.max(0, high - low - d);
    }

    private int cost() {
        return UNPLACED_COST * unplaced + UNFAIR_COST * gapExcess() + totalBreaks;
    }

    /** Lexicographic: unplaced, then unfair, then breaks (lower is better). */
    private long key() {
        return ((long) unplaced << 40) + ((gapExcess() > 0 ? 1L : 0L) << 32) + totalBreaks;
    }

    private boolean orderOk(int m, int s) {
        return analysis.orderOk(m, s, slotOf, successors);
    }

    private void put(int m, int s) {
        MeetingRequest meeting = analysis.meeting(m);
        slotOf[m] = s;
        position[m] = used[s];
        inSlot[s][used[s]++] = m;
        unplaced--;
        mark(meeting.first(), s, m);
        mark(meeting.second(), s, m);
    }

    private void take(int m) {
        MeetingRequest meeting = analysis.meeting(m);
        int s = slotOf[m];
        int last = inSlot[s][--used[s]];
        inSlot[s][position[m]] = last;
        position[last] = position[m];
        slotOf[m] = -1;
        unplaced++;
        mark(meeting.first(), s, -1);
        mark(meeting.second(), s, -1);
    }

    private void mark(int p, int s, int m) {
        meetingAt[p][s] = m;
        busy[p] = m >= 0 ? busy[p] | 1 << s : busy[p] & ~(1 << s);
        if (!counted[p]) {
            return;
        }
        int now = breaks(busy[p]);
        withBreaks[breaks[p]]--;
        withBreaks[now]++;
        totalBreaks += now - breaks[p];
        breaks[p] = now;
    }

    /** Runs of busy slots minus one. */
    static int breaks(int bits) {
        return bits == 0 ? 0 : Integer.bitCount(bits & ~(bits << 1)) - 1;
    }
}
