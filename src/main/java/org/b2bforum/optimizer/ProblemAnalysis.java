package org.b2bforum.optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * What follows from the data alone, before any solving: the slots each meeting may take, each participant's
 * meetings, and the reasons that rule a meeting out whatever the solver does.
 */
final class ProblemAnalysis {

    final SchedulingProblem problem;
    final int slots;
    final int[] tables;
    /** Per meeting, the slots it may take (ascending): its part of the day, neither side forbidden, its fixed slot. */
    final int[][] allowed;
    /** Per meeting, the slots it could take if it were not pinned to a fixed slot. */
    final int[][] unpinned;
    /** Per participant, its meetings (ascending). */
    final int[][] meetingsOf;
    /** Per participant, {@link #minBreaks}; computed on first use. */
    private volatile int[] minBreaks;
    /** {@link #leastLeftOut}, computed on first use (-1 before). */
    private volatile int leastLeftOut = -1;
    /** The fixed meetings every answer keeps, their own gap and bound. */
    private final FixedMeetings fixed;
    /** The fairness gap of the kept fixed meetings alone (see {@link #fairness}). */
    final int fixedGap;

    ProblemAnalysis(SchedulingProblem problem) {
        this.problem = problem;
        this.slots = problem.slots();
        this.tables = problem.tablesPerSlot();
        List<MeetingRequest> meetings = problem.meetings();
        allowed = new int[meetings.size()][];
        unpinned = new int[meetings.size()][];
        for (int m = 0; m < meetings.size(); m++) {
            MeetingRequest meeting = meetings.get(m);
            BitSet ok = sessionSlots(meeting.session());
            ok.andNot(forbidden(meeting.first()));
            ok.andNot(forbidden(meeting.second()));
            for (int s = 0; s < slots; s++) {
                if (tables[s] <= 0) {
                    ok.clear(s);
                }
            }
            unpinned[m] = ok.stream().toArray();
            if (meeting.isFixed()) {
                boolean fixedOk = meeting.fixedSlot() < slots && ok.get(meeting.fixedSlot());
                ok.clear();
                if (fixedOk) {
                    ok.set(meeting.fixedSlot());
                }
            }
            allowed[m] = ok.stream().toArray();
        }
        List<List<Integer>> of = new ArrayList<>();
        for (int p = 0; p < problem.participants(); p++) {
            of.add(new ArrayList<>());
        }
        for (int m = 0; m < meetings.size(); m++) {
            of.get(meetings.get(m).first()).add(m);
            of.get(meetings.get(m).second()).add(m);
        }
        meetingsOf = of.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        fixed = new FixedMeetings(this);
        fixedGap = fixed.gap();
    }

    /**
     * Whether meeting m is a fixed meeting every answer places in its slot: the caller's commitment (a confirmed
     * meeting), which no step of the search takes out, for fairness or anything else. Only fixed meetings that
     * collide with other fixed ones are not (they are left out as conflicting constraints).
     */
    boolean kept(int m) {
        return fixed.kept(m);
    }

    /**
     * The fairness bound the answer keeps: the problem's d, or the gap of the kept fixed meetings alone when that is
     * larger. They are never left out, so a participant they give more breaks than d above another's keeps them; the
     * answer is then as fair as they allow (taking out free meetings can always bring it back to their gap), and its
     * gap above d says why ({@link ScheduleResult#fixedMeetingsGap}). Before, a fixed meeting was taken out to make
     * the day fair, which the product (keeping every confirmed meeting) could not honour (bench/README, ux50).
     */
    int fairness() {
        return Math.max(problem.fairness(), fixedGap);
    }

    /** {@link FixedMeetings#breaksLowerBound}: holds for any schedule keeping the kept fixed meetings. */
    int fixedBreaksLowerBound() {
        return fixed.breaksLowerBound();
    }

    int meetingCount() {
        return allowed.length;
    }

    /** Per meeting, the meetings that must come after it (the reverse of {@link MeetingRequest#after}). */
    int[][] successors() {
        int n = meetingCount();
        int[] count = new int[n];
        for (int m = 0; m < n; m++) {
            for (int before : meeting(m).after()) {
                if (before >= 0 && before < n) {
                    count[before]++;
                }
            }
        }
        int[][] next = new int[n][];
        for (int m = 0; m < n; m++) {
            next[m] = new int[count[m]];
            count[m] = 0;
        }
        for (int m = 0; m < n; m++) {
            for (int before : meeting(m).after()) {
                if (before >= 0 && before < n) {
                    next[before][count[before]++] = m;
                }
            }
        }
        return next;
    }

    /**
     * Whether meeting m may take slot s as to its precedences, the others where {@code slotOf} says (-1: not
     * placed, which constrains nothing); {@code successors} from {@link #successors()}.
     */
    boolean orderOk(int m, int s, int[] slotOf, int[][] successors) {
        for (int before : meeting(m).after()) {
            if (before >= 0 && before < slotOf.length && slotOf[before] >= s) {
                return false;
            }
        }
        for (int after : successors[m]) {
            if (slotOf[after] >= 0 && slotOf[after] <= s) {
                return false;
            }
        }
        return true;
    }

    MeetingRequest meeting(int m) {
        return problem.meetings().get(m);
    }

    BitSet sessionSlots(SessionPreference session) {
        BitSet set = new BitSet(slots);
        int morning = Math.min(problem.morningSlots(), slots);
        switch (session) {
            case MORNING -> set.set(0, morning);
            case AFTERNOON -> set.set(morning, slots);
            case ANY -> set.set(0, slots);
        }
        return set;
    }

    BitSet forbidden(int participant) {
        BitSet set = new BitSet(slots);
        for (int s : problem.forbidden().get(participant)) {
            if (s >= 0 && s < slots) {
                set.set(s);
            }
        }
        return set;
    }

    /** Slots in which the participant could meet at all (not forbidden, tables exist). */
    BitSet freeSlots(int participant) {
        BitSet free = new BitSet(slots);
        free.set(0, slots);
        free.andNot(forbidden(participant));
        for (int s = 0; s < slots; s++) {
            if (tables[s] <= 0) {
                free.clear(s);
            }
        }
        return free;
    }

    /** The reason a meeting with no allowed slot cannot be placed, or null if it has allowed slots. */
    Unplaced emptyDomainReason(int m) {
        if (allowed[m].length > 0) {
            return null;
        }
        MeetingRequest meeting = meeting(m);
        if (meeting.isFixed()) {
            return new Unplaced(m, Unplaced.Reason.CONFLICTING_CONSTRAINTS, -1, 0, 0);
        }
        BitSet session = sessionSlots(meeting.session());
        for (int p : new int[] {meeting.first(), meeting.second()}) {
            BitSet free = freeSlots(p);
            free.and(session);
            if (free.isEmpty()) {
                // this side alone has no free slot in the asked part of the day
                return new Unplaced(m, Unplaced.Reason.TOO_MANY_MEETINGS, p, count(p, session), 0);
            }
        }
        return new Unplaced(m, Unplaced.Reason.NO_COMMON_SLOT, -1, 0, 0);
    }

    private int count(int participant, BitSet session) {
        int n = 0;
        for (int m : meetingsOf[participant]) {
            BitSet own = sessionSlots(meeting(m).session());
            if (own.intersects(session)) {
                n++;
            }
        }
        return n;
    }

    /**
     * A Hall violation for the participant: a group of its meetings that needs more slots than the group can
     * use together, fixed slots left aside (pinned meetings that collide are a conflict of constraints, not an
     * overload). Returns {wanted, available}, or null when its meetings fit. Checks the morning-only, the
     * afternoon-only and all its meetings, then an exact bipartite matching.
     */
    int[] overload(int participant) {
        int[] own = meetingsOf[participant];
        if (own.length == 0) {
            return null;
        }
        int[] worst = null;
        for (SessionPreference kind : new SessionPreference[] {SessionPreference.MORNING,
                SessionPreference.AFTERNOON, null}) {
            int wanted = 0;
            BitSet union = new BitSet(slots);
            for (int m : own) {
                if (kind == null || meeting(m).session() == kind) {
                    wanted++;
                    for (int s : unpinned[m]) {
                        union.set(s);
                    }
                }
            }
            int available = union.cardinality();
            if (wanted > available && (worst == null || wanted - available > worst[0] - worst[1])) {
                worst = new int[] {wanted, available};
            }
        }
        if (worst != null) {
            return worst;
        }
        int matched = maxMatching(own, unpinned);
        if (matched < own.length) {
            // a deficiency hidden from the three simple groups: report the whole and its usable slots
            return new int[] {own.length, matched};
        }
        return null;
    }

    /** Largest number of the given meetings that can take distinct allowed slots (Kuhn's algorithm). */
    int maxMatching(int[] meetings, int[][] domains) {
        int[] slotOwner = new int[slots];
        Arrays.fill(slotOwner, -1);
        int matched = 0;
        for (int i = 0; i < meetings.length; i++) {
            if (augment(meetings, domains, i, slotOwner, new boolean[slots])) {
                matched++;
            }
        }
        return matched;
    }

    private boolean augment(int[] meetings, int[][] domains, int i, int[] slotOwner, boolean[] seen) {
        for (int s : domains[meetings[i]]) {
            if (seen[s]) {
                continue;
            }
            seen[s] = true;
            if (slotOwner[s] < 0 || augment(meetings, domains, slotOwner[s], slotOwner, seen)) {
                slotOwner[s] = i;
                return true;
            }
        }
        return false;
    }

    /**
     * How many windows of consecutive slots could hold all the participant's meetings without a break: every
     * slot of the window usable, and enough morning (afternoon) slots in it for its morning-only
     * (afternoon-only) meetings. Few windows mean a participant whose day is nearly dictated; when no schedule
     * without breaks exists, such a participant is the first suspect for the break.
     */
    int feasibleWindows(int participant) {
        int[] own = meetingsOf[participant];
        int n = own.length;
        if (n < 2) {
            return Integer.MAX_VALUE;
        }
        int morningOnly = 0;
        int afternoonOnly = 0;
        BitSet usable = new BitSet(slots);
        for (int m : own) {
            morningOnly += meeting(m).session() == SessionPreference.MORNING ? 1 : 0;
            afternoonOnly += meeting(m).session() == SessionPreference.AFTERNOON ? 1 : 0;
            for (int s : allowed[m]) {
                usable.set(s);
            }
        }
        int morning = Math.min(problem.morningSlots(), slots);
        int count = 0;
        for (int f = 0; f + n <= slots; f++) {
            int last = f + n - 1;
            if (usable.get(f, last + 1).cardinality() < n) {
                continue;
            }
            int morningInWindow = Math.max(0, Math.min(last, morning - 1) - f + 1);
            if (morningInWindow >= morningOnly && n - morningInWindow >= afternoonOnly) {
                count++;
            }
        }
        return count;
    }

    /**
     * A lower bound on the participant's breaks from its own meetings alone (its partners, tables and
     * precedences left aside): 0 when some window of consecutive slots can hold all its meetings, 1 when not
     * but two blocks can, else 2. "Can hold" is a perfect matching of its meetings to the slots, each in its
     * allowed slots. Exact up to 2; the sum over participants bounds the total breaks from below.
     */
    int minBreaks(int participant) {
        if (minBreaks == null) {
            int[] all = new int[meetingsOf.length];
            for (int p = 0; p < all.length; p++) {
                all[p] = computeMinBreaks(p);
            }
            minBreaks = all;
        }
        return minBreaks[participant];
    }

    private int computeMinBreaks(int participant) {
        int[] own = meetingsOf[participant];
        int n = own.length;
        if (n < 2) {
            return 0;
        }
        int[][] domains = new int[allowed.length][];
        for (int f = 0; f + n <= slots; f++) {
            if (fits(own, domains, f, f + n - 1, 0, -1)) {
                return 0;
            }
        }
        for (int first = 1; first < n; first++) {
            int second = n - first;
            for (int f1 = 0; f1 + first <= slots; f1++) {
                for (int f2 = f1 + first + 1; f2 + second <= slots; f2++) {
                    if (fits(own, domains, f1, f1 + first - 1, f2, f2 + second - 1)) {
                        return 1;
                    }
                }
            }
        }
        return 2;
    }

    /** The per-participant lower bounds of {@link #minBreaks}, summed: a lower bound on the total breaks. */
    int breaksLowerBound() {
        int sum = 0;
        for (int p = 0; p < meetingsOf.length; p++) {
            sum += minBreaks(p);
        }
        return sum;
    }

    /** Whether the meetings can take distinct slots of [from1, to1] and [from2, to2] (empty when to < from). */
    private boolean fits(int[] own, int[][] domains, int from1, int to1, int from2, int to2) {
        for (int m : own) {
            domains[m] = Arrays.stream(allowed[m])
                    .filter(s -> s >= from1 && s <= to1 || s >= from2 && s <= to2).toArray();
            if (domains[m].length == 0) {
                return false;
            }
        }
        return maxMatching(own, domains) == own.length;
    }

    /**
     * A lower bound on the meetings that no schedule places, from the data alone: the meetings without an allowed
     * slot, plus the most by which one participant's other meetings outnumber the slots they can take apart (a
     * maximum matching); and at least the meetings beyond every table of the day. A schedule that leaves out only
     * so many and has no break cannot be bettered (the start's local search ends there).
     */
    int leastLeftOut() {
        int known = leastLeftOut;
        if (known >= 0) {
            return known;
        }
        int empty = 0;
        for (int[] slotsOfMeeting : allowed) {
            if (slotsOfMeeting.length == 0) {
                empty++;
            }
        }
        int worst = 0;
        for (int[] own : meetingsOf) {
            int placeable = 0;
            for (int m : own) {
                if (allowed[m].length > 0) {
                    placeable++;
                }
            }
            worst = Math.max(worst, placeable - maxMatching(own, allowed));
        }
        int capacity = 0;
        for (int t : tables) {
            capacity += Math.max(0, t);
        }
        known = Math.max(empty + worst, allowed.length - capacity);
        leastLeftOut = known;
        return known;
    }

    /** Whether the data alone show that not every meeting can be placed ({@link #leastLeftOut}, or a precedence cycle). */
    boolean obviouslyIncomplete() {
        return leastLeftOut() > 0 || precedenceCycle();
    }

    /** Whether the precedences contain a cycle (then at least one meeting of it cannot be placed). */
    boolean precedenceCycle() {
        int n = allowed.length;
        int[] state = new int[n];
        for (int m = 0; m < n; m++) {
            if (state[m] == 0 && cycleFrom(m, state)) {
                return true;
            }
        }
        return false;
    }

    private boolean cycleFrom(int m, int[] state) {
        state[m] = 1;
        for (int before : meeting(m).after()) {
            if (before < 0 || before >= state.length) {
                continue;
            }
            if (state[before] == 1 || (state[before] == 0 && cycleFrom(before, state))) {
                return true;
            }
        }
        state[m] = 2;
        return false;
    }
}
