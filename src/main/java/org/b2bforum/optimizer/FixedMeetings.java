package org.b2bforum.optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed meetings of a problem as commitments: which of them every answer keeps (all but those colliding with
 * another fixed one), the fairness gap they give on their own, and the lower bound on breaks they give whatever else
 * is placed (see the package documentation, "Fixed meetings are kept").
 */
final class FixedMeetings {

    private final ProblemAnalysis analysis;
    /** Per meeting, whether it is a fixed meeting every answer keeps. */
    private final boolean[] kept;
    private final int gap;
    /** {@link #breaksLowerBound}, computed on first use (-1 before). */
    private volatile int bound = -1;

    FixedMeetings(ProblemAnalysis analysis) {
        this.analysis = analysis;
        kept = keptFixed();
        boolean[][] busy = new boolean[analysis.problem.participants()][analysis.slots];
        for (int m = 0; m < kept.length; m++) {
            if (kept[m]) {
                busy[analysis.meeting(m).first()][analysis.meeting(m).fixedSlot()] = true;
                busy[analysis.meeting(m).second()][analysis.meeting(m).fixedSlot()] = true;
            }
        }
        int[] breaks = new int[busy.length];
        for (int p = 0; p < busy.length; p++) {
            breaks[p] = BreakCounter.breaks(busy[p]);
        }
        gap = BreakCounter.gap(breaks);
    }

    boolean kept(int m) {
        return kept[m];
    }

    /** The fairness gap of the kept fixed meetings alone. */
    int gap() {
        return gap;
    }

    /**
     * The fixed meetings that can all be kept together, in list order: the fixed slot allowed, neither side already
     * in a kept one then, a table left in the slot, and the precedences among them held. The others (fixed meetings
     * that collide with each other) are left out as conflicting constraints, as before.
     */
    private boolean[] keptFixed() {
        int slots = analysis.slots;
        int[] tables = analysis.tables;
        SchedulingProblem problem = analysis.problem;
        int[][] allowed = analysis.allowed;
        int n = allowed.length;
        boolean[] keep = new boolean[n];
        int[][] successors = analysis.successors();
        boolean[][] taken = new boolean[problem.participants()][slots];
        int[] used = new int[slots];
        for (int m = 0; m < n; m++) {
            MeetingRequest meeting = analysis.meeting(m);
            if (!meeting.isFixed() || allowed[m].length == 0) {
                continue;
            }
            int s = meeting.fixedSlot();
            if (taken[meeting.first()][s] || taken[meeting.second()][s] || used[s] >= tables[s]) {
                continue;
            }
            boolean ordered = true;
            for (int before : meeting.after()) {
                ordered &= before < 0 || before >= n || !keep[before] || analysis.meeting(before).fixedSlot() < s;
            }
            for (int after : successors[m]) {
                ordered &= !keep[after] || analysis.meeting(after).fixedSlot() > s;
            }
            if (ordered) {
                keep[m] = true;
                taken[meeting.first()][s] = true;
                taken[meeting.second()][s] = true;
                used[s]++;
            }
        }
        return keep;
    }

    /**
     * A lower bound on the total breaks of any schedule keeping the kept fixed meetings, however many others it
     * places: per participant, each run of idle slots between two of its fixed meetings (an internal gap) is a break
     * unless every slot of it gets one of its other meetings (filling part of it leaves a break), and a slot can take
     * one only where that meeting may go (allowed, its partner not in a fixed meeting then, a table not taken by fixed
     * meetings). The largest set of gaps its other meetings can fill together (a matching of meetings to all their
     * slots; every subset tried, the gaps being few) is subtracted from the gaps; summed over participants. Valid
     * whatever is left out, so it holds where not every meeting fits (a forum-scale day, where the other bounds are
     * 0). Participants with more than {@link #FIXED_BOUND_GAPS} gaps count only their gaps no meeting can fill.
     */
    int breaksLowerBound() {
        int known = bound;
        if (known >= 0) {
            return known;
        }
        int slots = analysis.slots;
        int[] fixedUsed = new int[slots];
        int participants = analysis.problem.participants();
        boolean[][] fixedBusy = new boolean[participants][slots];
        for (int m = 0; m < kept.length; m++) {
            if (kept[m]) {
                int s = analysis.meeting(m).fixedSlot();
                fixedUsed[s]++;
                fixedBusy[analysis.meeting(m).first()][s] = true;
                fixedBusy[analysis.meeting(m).second()][s] = true;
            }
        }
        int sum = 0;
        for (int p = 0; p < participants; p++) {
            sum += fixedGapsUnfilled(p, fixedBusy, fixedUsed);
        }
        bound = sum;
        return sum;
    }

    /** Gaps at most this many per participant are tried in every subset (2^12 matchings at most). */
    static final int FIXED_BOUND_GAPS = 12;

    private int fixedGapsUnfilled(int p, boolean[][] fixedBusy, int[] fixedUsed) {
        int slots = analysis.slots;
        int[] tables = analysis.tables;
        boolean[] busy = fixedBusy[p];
        List<int[]> gaps = new ArrayList<>();
        int last = -1;
        for (int s = 0; s < slots; s++) {
            if (busy[s]) {
                if (last >= 0 && s > last + 1) {
                    gaps.add(new int[] {last + 1, s - 1});
                }
                last = s;
            }
        }
        if (gaps.isEmpty()) {
            return 0;
        }
        // the participant's other meetings, each with the gap slots it could take
        List<int[]> domains = new ArrayList<>();
        for (int m : analysis.meetingsOf[p]) {
            if (kept[m] || analysis.meeting(m).isFixed()) {
                continue;
            }
            int partner = analysis.meeting(m).first() == p ? analysis.meeting(m).second() : analysis.meeting(m).first();
            int[] domain = Arrays.stream(analysis.allowed[m])
                    .filter(s -> !busy[s] && !fixedBusy[partner][s] && fixedUsed[s] < tables[s]).toArray();
            if (domain.length > 0) {
                domains.add(domain);
            }
        }
        // a gap with a slot no meeting can take is a break whatever happens
        List<int[]> fillable = new ArrayList<>();
        for (int[] gap : gaps) {
            boolean ok = gap[1] - gap[0] + 1 <= domains.size();
            for (int s = gap[0]; s <= gap[1] && ok; s++) {
                int slot = s;
                ok = domains.stream().anyMatch(d -> Arrays.stream(d).anyMatch(t -> t == slot));
            }
            if (ok) {
                fillable.add(gap);
            }
        }
        int unfillable = gaps.size() - fillable.size();
        if (fillable.size() > FIXED_BOUND_GAPS || fillable.isEmpty()) {
            return unfillable;
        }
        int[][] meetingDomains = domains.toArray(int[][]::new);
        int best = 0;
        for (int subset = 1; subset < 1 << fillable.size(); subset++) {
            int size = Integer.bitCount(subset);
            if (size <= best) {
                continue;
            }
            if (fillsAll(fillable, subset, meetingDomains)) {
                best = size;
            }
        }
        return gaps.size() - best;
    }

    /** Whether distinct meetings (by their gap slots) can take every slot of the chosen gaps: a matching of slots. */
    private boolean fillsAll(List<int[]> gaps, int subset, int[][] meetingDomains) {
        List<Integer> wanted = new ArrayList<>();
        for (int g = 0; g < gaps.size(); g++) {
            if ((subset >> g & 1) != 0) {
                for (int s = gaps.get(g)[0]; s <= gaps.get(g)[1]; s++) {
                    wanted.add(s);
                }
            }
        }
        if (wanted.size() > meetingDomains.length) {
            return false;
        }
        // slots to meetings: each wanted slot's candidates are the meetings that may take it
        int[][] candidates = new int[wanted.size()][];
        for (int i = 0; i < wanted.size(); i++) {
            int slot = wanted.get(i);
            List<Integer> who = new ArrayList<>();
            for (int k = 0; k < meetingDomains.length; k++) {
                if (Arrays.stream(meetingDomains[k]).anyMatch(t -> t == slot)) {
                    who.add(k);
                }
            }
            candidates[i] = who.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] owner = new int[meetingDomains.length];
        Arrays.fill(owner, -1);
        for (int i = 0; i < candidates.length; i++) {
            if (!augmentSlot(candidates, i, owner, new boolean[meetingDomains.length])) {
                return false;
            }
        }
        return true;
    }

    private static boolean augmentSlot(int[][] candidates, int i, int[] owner, boolean[] seen) {
        for (int k : candidates[i]) {
            if (seen[k]) {
                continue;
            }
            seen[k] = true;
            if (owner[k] < 0 || augmentSlot(candidates, owner[k], owner, seen)) {
                owner[k] = i;
                return true;
            }
        }
        return false;
    }
}
