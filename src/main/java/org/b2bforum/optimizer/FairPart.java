package org.b2bforum.optimizer;

/**
 * The fair part of a schedule: meetings taken out of it, one at a time, until every two participants' breaks differ
 * by at most the fairness bound d. The fairness bound is a rule of the product, so a build never answers with a gap
 * above d; the start's local search, though, trades fairness for placed meetings (a meeting out costs more than a
 * break of unfairness), and a build starved of CPU (a 2 s limit beside three busy loops) returned its schedule as it
 * was: forum-13.tables8 once placed 148 meetings with a gap of 3 (bench/README, issue 15, eighteenth round).
 *
 * <p>Each step takes out the meeting whose removal leaves the smallest excess over d (then the fewest participants
 * above the lowest count + d, a fixed meeting only when nothing else does better, then the fewest breaks), the free
 * meetings alone first: a fixed one goes only when taking out every free one would not make it fair. A fixed meeting
 * every answer keeps ({@link ProblemAnalysis#kept}: the caller's commitment, the product's confirmed meetings) is never
 * taken out, and d is {@link ProblemAnalysis#fairness}: the problem's, or the gap of the kept meetings alone where that
 * is larger, so taking out the free ones always makes it fair (at worst the kept meetings alone are left). Taking a
 * meeting out never breaks a precedence, a table or a slot, so it ends, fair, after at most twice as many steps as
 * meetings placed. Then the meetings left out are put back wherever they keep it fair. Where the start is fair it is
 * returned as it is; so is a start that lacks a kept meeting and cannot be made fair without one (no step of the
 * search gives one: they all place the kept meetings first and never move them).
 *
 * <p>Before, a fixed meeting went too, last, where the free ones alone could not make the day fair: on ux50's forum
 * day (838 confirmed meetings) the answer left confirmed meetings out and gave their time to other meetings, which the
 * product, keeping every confirmed meeting, had to leave out again (bench/README, issue 15, twenty-first round).
 *
 * <p>The participants' break counts are kept with a tally of how many participants have each count ({@link Tally}), so
 * that weighing one meeting's removal costs the day's slots, not its participants: on a forum-scale day (500 companies,
 * 3,778 meetings, 21 slots) counting every participant for each meeting at each step took minutes of one build given
 * 20 s (bench/README, issue 15, ux50).
 */
final class FairPart {

    private FairPart() {
    }

    /** {@code slots} (per meeting its slot, -1 when left out) with meetings left out until it is fair. */
    static int[] of(ProblemAnalysis analysis, int[] slots) {
        int[] slotOf = slots.clone();
        boolean[][] meets = meets(analysis, slotOf);
        Tally breaks = new Tally(meets, analysis.slots);
        if (breaks.gap() <= analysis.fairness()) {
            return slots;
        }
        // the model keeps every fixed meeting it can before any other (CpSatModel's objective): free meetings alone
        // are taken out while that makes the schedule fair, and a fixed one only when it does not (a fixed meeting
        // whose removal alone made it fair went before two free ones that did the same)
        if (!takeOut(analysis, slotOf, meets, breaks, false)) {
            slotOf = slots.clone();
            meets = meets(analysis, slotOf);
            breaks = new Tally(meets, analysis.slots);
            if (!takeOut(analysis, slotOf, meets, breaks, true)) {
                return slots; // only a kept meeting's removal would make it fair
            }
        }
        putBack(analysis, slotOf, meets, breaks);
        return slotOf;
    }

    private static boolean[][] meets(ProblemAnalysis analysis, int[] slotOf) {
        boolean[][] meets = new boolean[analysis.meetingsOf.length][analysis.slots];
        for (int m = 0; m < slotOf.length; m++) {
            if (slotOf[m] >= 0) {
                MeetingRequest meeting = analysis.meeting(m);
                meets[meeting.first()][slotOf[m]] = true;
                meets[meeting.second()][slotOf[m]] = true;
            }
        }
        return meets;
    }

    /**
     * Each participant's breaks, and how many participants have each count: the lowest, the highest, the number above
     * a count and the total read from the tally (as many entries as the day has slots, and half as many would do).
     */
    static final class Tally {

        private final int[] breaks;
        private final int[] having;
        private int total;

        Tally(boolean[][] meets, int slots) {
            breaks = new int[meets.length];
            having = new int[slots + 2];
            having[0] = meets.length;
            for (int p = 0; p < meets.length; p++) {
                set(p, BreakCounter.breaks(meets[p]));
            }
        }

        int of(int participant) {
            return breaks[participant];
        }

        void set(int participant, int count) {
            having[breaks[participant]]--;
            total -= breaks[participant];
            breaks[participant] = count;
            having[count]++;
            total += count;
        }

        int lowest() {
            for (int b = 0; b < having.length; b++) {
                if (having[b] > 0) {
                    return b;
                }
            }
            return 0;
        }

        int highest() {
            for (int b = having.length - 1; b >= 0; b--) {
                if (having[b] > 0) {
                    return b;
                }
            }
            return 0;
        }

        /** As {@link BreakCounter#gap}. */
        int gap() {
            return highest() - lowest();
        }

        /** The participants with more than {@code count} breaks. */
        long above(int count) {
            long above = 0;
            for (int b = count + 1; b < having.length; b++) {
                above += having[b];
            }
            return above;
        }

        int total() {
            return total;
        }
    }

    /**
     * Takes meetings out, the best by {@link #score} each time, until the schedule is fair; fixed ones too only if
     * {@code fixedToo}, never a kept one. False when it ran out of meetings to take out first.
     */
    private static boolean takeOut(ProblemAnalysis analysis, int[] slotOf, boolean[][] meets, Tally breaks,
            boolean fixedToo) {
        int d = analysis.fairness();
        while (breaks.gap() > d) {
            int bestMeeting = -1;
            long bestScore = Long.MAX_VALUE;
            for (int m = 0; m < slotOf.length; m++) {
                boolean fixed = analysis.meeting(m).isFixed();
                if (slotOf[m] < 0 || fixed && !fixedToo || analysis.kept(m)) {
                    continue;
                }
                set(analysis, meets, breaks, m, slotOf[m], false);
                long score = score(breaks, d, fixed);
                set(analysis, meets, breaks, m, slotOf[m], true);
                if (score < bestScore) {
                    bestScore = score;
                    bestMeeting = m;
                }
            }
            if (bestMeeting < 0) {
                return false;
            }
            set(analysis, meets, breaks, bestMeeting, slotOf[bestMeeting], false);
            slotOf[bestMeeting] = -1;
        }
        return true;
    }

    /**
     * Then every meeting left out (taken out above, or by the start) is put into a free slot where it keeps the
     * schedule fair and valid (allowed, a table free, neither side busy, precedences), the one adding the fewest
     * breaks, until none can be: the removals above are greedy, and a meeting taken out often fits elsewhere
     * (forum-13.tables8: a start of 148 with a gap of 4 was cut to 141 without this).
     */
    private static void putBack(ProblemAnalysis analysis, int[] slotOf, boolean[][] meets, Tally breaks) {
        int d = analysis.fairness();
        int[] used = new int[analysis.slots];
        for (int s : slotOf) {
            if (s >= 0) {
                used[s]++;
            }
        }
        int[][] successors = analysis.successors();
        boolean added = true;
        while (added) {
            added = false;
            for (int m = 0; m < slotOf.length; m++) {
                if (slotOf[m] >= 0) {
                    continue;
                }
                MeetingRequest meeting = analysis.meeting(m);
                int a = meeting.first();
                int b = meeting.second();
                int before = breaks.of(a) + breaks.of(b);
                int bestSlot = -1;
                int bestAdded = Integer.MAX_VALUE;
                for (int s : analysis.allowed[m]) {
                    if (used[s] >= analysis.tables[s] || meets[a][s] || meets[b][s]
                            || !analysis.orderOk(m, s, slotOf, successors)) {
                        continue;
                    }
                    set(analysis, meets, breaks, m, s, true);
                    int more = breaks.of(a) + breaks.of(b) - before;
                    if (breaks.gap() <= d && more < bestAdded) {
                        bestAdded = more;
                        bestSlot = s;
                    }
                    set(analysis, meets, breaks, m, s, false);
                }
                if (bestSlot >= 0) {
                    slotOf[m] = bestSlot;
                    used[bestSlot]++;
                    set(analysis, meets, breaks, m, bestSlot, true);
                    added = true;
                }
            }
        }
    }

    /** Meeting m in slot s (on) or not (off), its two participants' breaks counted again. */
    private static void set(ProblemAnalysis analysis, boolean[][] meets, Tally breaks, int m, int s, boolean on) {
        MeetingRequest meeting = analysis.meeting(m);
        meets[meeting.first()][s] = on;
        breaks.set(meeting.first(), BreakCounter.breaks(meets[meeting.first()]));
        meets[meeting.second()][s] = on;
        breaks.set(meeting.second(), BreakCounter.breaks(meets[meeting.second()]));
    }

    /** Lower is better: the excess over d, then the participants above the lowest + d, then fixed, then breaks. */
    private static long score(Tally breaks, int d, boolean fixed) {
        int low = breaks.lowest();
        int excess = Math.max(0, breaks.highest() - low - d);
        long above = breaks.above(low + d);
        return ((long) excess << 40) + (above << 24) + ((fixed ? 1L : 0L) << 20) + breaks.total();
    }
}
