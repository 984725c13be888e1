package org.b2bforum.optimizer;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A break-minimising local search over whole rows: a step takes one participant's placed meetings (up to
 * {@link #MAX_ROW} of them, chosen at random when it has more), keeps everything else where it is, and puts
 * them back into the slots that give the fewest breaks for the participant and its partners together, solved
 * exactly by a dynamic programme over the day's slots (which of the row's meetings are placed so far, whether
 * the participant has started, is meeting or idles since, its breaks so far). The partners' breaks are
 * separable (each partner meets the participant once), the tables of each slot are what the others leave
 * free, and the fairness bound is kept (every changed participant within d of the unchanged ones). So a step
 * never loses: the row's current slots are one of the programme's answers. To leave a local optimum, some
 * steps ("kicks") forbid one of the row's meetings its current slot and are taken, as in annealing, when they
 * cost little. Ties between equally good answers are broken at random, so the search walks plateaus.
 *
 * <p>It starts from a complete or incomplete fair schedule and keeps as many meetings placed (rows and chains keep the
 * start's left-out meetings out, the exchanges change which ones); fixed meetings and precedences are kept. Where {@link LocalSearch} moves one meeting at a time, which
 * on days with scarce tables or forbidden slots stops far above the optimum, a row moves many at once.
 *
 * <p>Longer than our usual classes on purpose: the row steps and the Kempe-chain moves between them change the
 * same schedule state in place (who meets where, the tables left per slot, the participants with a break) and
 * undo each other's trials through it; split apart, each would need the other's private arrays.
 */
final class RowSearch {

    /** At most so many of a participant's meetings move in one step (the programme has 2^MAX_ROW states per phase). */
    static final int MAX_ROW = 8;

    /** A break in the programme's cost; the rest is the random tie-breaking (below SCALE over a whole row). */
    private static final int SCALE = 1 << 12;
    private static final int NOISE = SCALE / (MAX_ROW + 2);
    private static final int INF = Integer.MAX_VALUE / 4;

    /** About one step in so many is a kick. */
    private static final int KICK_EVERY = 3;

    /** Most breaks one participant may have in the programme (its breaks' dimension). */
    private static final int MAX_OWN_BREAKS = 7;

    /** Kempe-chain moves tried before each row step (see {@link #kempe}). */
    static final int KEMPE_PER_ROW = 2_000;

    /**
     * The share of Kempe-chain moves that start from a participant with a break (the others from any movable
     * participant). A chain changes its two ends' days only, so one started elsewhere rarely closes a break: on
     * forum-13crafc.forbidden only 4-7 of 65 participants have one. 1,000 row steps from the same annealed starts
     * (six seeds, bench/README issue 15 twelfth round): summed breaks 26 with 0.75 against 35 unfocused.
     */
    static final double KEMPE_FOCUS = 0.75;

    /**
     * Exchanges tried before each row step when meetings are left out (see {@link #exchange}): a left-out meeting
     * placed in one of its slots, in place of the meeting of one of its participants there (or of any meeting there
     * when the slot is full), so that as many stay placed.
     */
    static final int EXCHANGES_PER_ROW = 200;

    /** A chain of more meetings than this is not swapped (a long chain is nearly a whole slot swap). */
    private static final int MAX_CHAIN = 64;

    private final ProblemAnalysis analysis;
    private final int n;
    private final int slots;
    private final int d;
    private final int[] slotOf;
    private final int[] busy;
    private final int[] used;
    private final int[] breaks;
    private final int[] withBreaks;
    private final int[][] successors;
    private final int[] movers;
    /** Per participant and slot, its meeting there or -1. */
    private final int[][] meetingAt;
    /** Per meeting, its allowed slots as bits. */
    private final int[] allowedMask;
    private int totalBreaks;
    /** The movable participants with a break, in any order, and each one's index there (-1: not in it). */
    private final int[] broken;
    private final int[] brokenAt;
    private final boolean[] mover;
    private int brokenCount;
    /** The movable meetings left out that have an allowed slot (as many stay out: {@link #exchange}). */
    private final int[] outs;

    // the Kempe chains' buffers, reused
    private final int[] chain;
    private final int[] chainFrom;
    private final int[] inChain;
    private final int[] seenAt;
    private int stamp;
    private int chainSize;

    // the programme's buffers, reused
    private final int[] costNow;
    private final int[] costNext;
    private final int[][] choice;
    private final int[][] partnerCost = new int[MAX_ROW][];
    private final int[] okSlots = new int[MAX_ROW];
    private final int[] row = new int[MAX_ROW];
    private final int[] beforeMask = new int[MAX_ROW];

    private RowSearch(ProblemAnalysis analysis, int[] start) {
        this.analysis = analysis;
        this.n = analysis.meetingCount();
        this.slots = analysis.slots;
        this.d = analysis.fairness();
        int participants = analysis.meetingsOf.length;
        slotOf = new int[n];
        Arrays.fill(slotOf, -1);
        busy = new int[participants];
        used = new int[slots];
        breaks = new int[participants];
        withBreaks = new int[slots + 1];
        withBreaks[0] = participants;
        successors = analysis.successors();
        meetingAt = new int[participants][slots];
        for (int[] at : meetingAt) {
            Arrays.fill(at, -1);
        }
        allowedMask = new int[n];
        for (int m = 0; m < n; m++) {
            for (int s : analysis.allowed[m]) {
                allowedMask[m] |= 1 << s;
            }
        }
        broken = new int[participants];
        brokenAt = new int[participants];
        Arrays.fill(brokenAt, -1);
        mover = new boolean[participants];
        for (int p = 0; p < participants; p++) {
            for (int m : analysis.meetingsOf[p]) {
                mover[p] |= !analysis.meeting(m).isFixed();
            }
        }
        chain = new int[MAX_CHAIN];
        chainFrom = new int[MAX_CHAIN];
        inChain = new int[n];
        seenAt = new int[participants];
        for (int m = 0; m < n; m++) {
            if (start[m] >= 0) {
                put(m, start[m]);
            }
        }
        movers = IntStream.range(0, participants).filter(p -> mover[p]).toArray();
        outs = IntStream.range(0, n).filter(m -> slotOf[m] < 0 && allowedMask[m] != 0
                && !analysis.meeting(m).isFixed()).toArray();
        int states = (1 << MAX_ROW) * 3 * (MAX_OWN_BREAKS + 1);
        costNow = new int[states];
        costNext = new int[states];
        choice = new int[slots][states];
        for (int i = 0; i < MAX_ROW; i++) {
            partnerCost[i] = new int[slots];
        }
    }

    /** Whether {@link #improve} searches on {@code analysis}'s day at all (meetings, and at most 31 slots). */
    static boolean runs(ProblemAnalysis analysis) {
        return analysis.meetingCount() > 0 && analysis.slots <= 31;
    }

    /**
     * The best schedule found from {@code start} within {@code seconds} or {@code maxSteps} steps, or until
     * {@code stop} says so: as many meetings placed, fair, and never more breaks. A start that is not fair (or a
     * day of more than 31 slots) comes back as it is.
     */
    static int[] improve(ProblemAnalysis analysis, int[] start, double seconds, long maxSteps, long seed,
            BooleanSupplier stop) {
        return improve(analysis, start, seconds, maxSteps, seed, KEMPE_PER_ROW, stop);
    }

    /** As above, with {@code kempePerRow} Kempe-chain moves before each row step (0: rows only). */
    static int[] improve(ProblemAnalysis analysis, int[] start, double seconds, long maxSteps, long seed,
            int kempePerRow, BooleanSupplier stop) {
        return improve(analysis, start, seconds, maxSteps, seed, kempePerRow, KEMPE_FOCUS, stop);
    }

    /** As above, with {@code focus} the share of chains started from a participant with a break. */
    static int[] improve(ProblemAnalysis analysis, int[] start, double seconds, long maxSteps, long seed,
            int kempePerRow, double focus, BooleanSupplier stop) {
        return improve(analysis, start, seconds, maxSteps, seed, kempePerRow, focus, EXCHANGES_PER_ROW, stop);
    }

    /** As above, with {@code exchangesPerRow} exchanges of a left-out meeting before each row step. */
    static int[] improve(ProblemAnalysis analysis, int[] start, double seconds, long maxSteps, long seed,
            int kempePerRow, double focus, int exchangesPerRow, BooleanSupplier stop) {
        return improve(analysis, start, seconds, maxSteps, seed, kempePerRow, focus, exchangesPerRow, stop,
                NOT_TOLD);
    }

    /** The search tells of a better schedule at most this often. */
    static final long TELL_EVERY_NANOS = 200_000_000L;

    /** Told nothing: {@link #improve}'s reporter when nobody follows the search. */
    static final IntConsumer NOT_TOLD = breaks -> { };

    /**
     * As above; {@code told} hears the breaks of each better schedule found, at most every {@link #TELL_EVERY_NANOS}
     * (for the build's progress: the answer itself is what {@code improve} returns).
     */
    static int[] improve(ProblemAnalysis analysis, int[] start, double seconds, long maxSteps, long seed,
            int kempePerRow, double focus, int exchangesPerRow, BooleanSupplier stop, IntConsumer told) {
        if (!runs(analysis)) {
            return start.clone();
        }
        RowSearch search = new RowSearch(analysis, start);
        if (search.gap() > search.d || search.movers.length == 0) {
            return start.clone();
        }
        return search.run(seconds, maxSteps, kempePerRow, focus, exchangesPerRow, new SplittableRandom(seed), stop,
                told);
    }

    /**
     * One step without a kick: the participant's placed movable meetings (all of them, at most MAX_ROW) put where
     * the programme says; the start as it was when the answer would be unfair.
     */
    static int[] bestRow(ProblemAnalysis analysis, int[] start, int participant, long seed) {
        RowSearch search = new RowSearch(analysis, start);
        SplittableRandom random = new SplittableRandom(seed);
        int size = search.chooseRow(participant, random);
        if (size == 0 || !search.reoptimise(participant, size, -1, random) || search.gap() > search.d) {
            return start.clone();
        }
        return search.slotOf.clone();
    }

    private int[] run(double seconds, long maxSteps, int kempePerRow, double focus, int exchangesPerRow,
            SplittableRandom random, BooleanSupplier stop, IntConsumer told) {
        long begun = System.nanoTime();
        long deadline = begun + (long) (seconds * 1e9);
        int[] best = slotOf.clone();
        int bestTotal = totalBreaks;
        int toldTotal = totalBreaks;
        long toldAt = begun;
        int[] saved = new int[MAX_ROW];
        // a kick costs its row a break or two at most; taken at first about every other time, at the end
        // rarely, so the search ends in a local optimum of the exact steps
        double hot = 0.6;
        double cold = 0.15;
        double temperature = hot;
        // rows, chains and exchanges keep the number placed: with every meeting placed nothing beats the participants'
        // own bounds (ProblemAnalysis.minBreaks), else nothing beats no break
        int unbeatable = CpSatModel.placedCount(slotOf) == n ? analysis.breaksLowerBound() : 0;
        for (long step = 0; step < maxSteps && bestTotal > unbeatable; step++) {
            // the clock read every step (and every 256 chains): with its Kempe chains a step takes a millisecond or
            // two, far more under a CPU hog, and the search must end on time (its thread runs beside the solver's)
            long now = System.nanoTime();
            if (now > deadline || stop.getAsBoolean()) {
                break;
            }
            if (bestTotal < toldTotal && now - toldAt > TELL_EVERY_NANOS) {
                toldTotal = bestTotal;
                toldAt = now;
                told.accept(bestTotal);
            }
            // cooled by the share of steps or of time used, whichever is further
            double progress = Math.max((double) step / maxSteps, (double) (now - begun) / (deadline - begun));
            temperature = hot * Math.pow(cold / hot, progress);
            for (int k = 0; k < kempePerRow; k++) {
                if ((k & 255) == 255 && System.nanoTime() > deadline) {
                    break;
                }
                if (kempe(random, temperature, focus) && totalBreaks < bestTotal) {
                    bestTotal = totalBreaks;
                    System.arraycopy(slotOf, 0, best, 0, n);
                }
            }
            for (int k = 0; k < exchangesPerRow && outs.length > 0; k++) {
                if (exchange(random, temperature) && totalBreaks < bestTotal) {
                    bestTotal = totalBreaks;
                    System.arraycopy(slotOf, 0, best, 0, n);
                }
            }
            int p = movers[random.nextInt(movers.length)];
            int size = chooseRow(p, random);
            if (size == 0) {
                continue;
            }
            int kicked = random.nextInt(KICK_EVERY) == 0 ? random.nextInt(size) : -1;
            int before = totalBreaks;
            for (int i = 0; i < size; i++) {
                saved[i] = slotOf[row[i]];
            }
            if (!reoptimise(p, size, kicked, random)) {
                continue;
            }
            int delta = totalBreaks - before;
            boolean fair = gap() <= d;
            if (fair && (delta <= 0 || random.nextDouble() < Math.exp(-delta / temperature))) {
                if (totalBreaks < bestTotal) {
                    bestTotal = totalBreaks;
                    System.arraycopy(slotOf, 0, best, 0, n);
                }
                continue;
            }
            for (int i = 0; i < size; i++) {
                take(row[i]);
            }
            for (int i = 0; i < size; i++) {
                put(row[i], saved[i]);
            }
        }
        return best;
    }

    /**
     * A Kempe-chain move between two slots s and t: a meeting in s, the other meetings in s or t of its
     * participants, theirs, and so on (a path or a cycle, since each participant meets at most once per slot) all
     * change sides, s to t and t to s. Every participant stays in at most one meeting per slot; the only ones whose
     * day changes are the chain's two ends (a participant inside it meets in both slots before and after), so a
     * move shifts one meeting of each end by a whole cascade of partners, which single moves and rows cannot. The
     * meeting is one of a random participant's ({@code focus} of the time one with a break), the slot t, every other
     * time, one next to its busy slots (where a break closes). Taken when fair, within the tables, allowed for every
     * meeting of the chain (sessions, forbidden slots, none fixed), precedences kept, and as in annealing by its change
     * in breaks. Whether taken.
     */
    private boolean kempe(SplittableRandom random, double temperature, double focus) {
        int p = focus > 0 && brokenCount > 0 && random.nextDouble() < focus ? broken[random.nextInt(brokenCount)]
                : movers[random.nextInt(movers.length)];
        int[] own = analysis.meetingsOf[p];
        int m = own[random.nextInt(own.length)];
        int s = slotOf[m];
        if (s < 0 || analysis.meeting(m).isFixed()) {
            return false;
        }
        int targets = allowedMask[m] & ~(1 << s);
        int near = targets & ~busy[p] & (busy[p] << 1 | busy[p] >>> 1);
        if (near != 0 && random.nextBoolean()) {
            targets = near;
        }
        if (targets == 0) {
            return false;
        }
        int before = totalBreaks;
        if (!swapChain(m, nthBit(targets, random.nextInt(Integer.bitCount(targets))))) {
            return false;
        }
        int delta = totalBreaks - before;
        if (gap() <= d && (delta <= 0 || random.nextDouble() < Math.exp(-delta / temperature))) {
            return true;
        }
        undoChain();
        return false;
    }

    /**
     * An exchange, where meetings are left out (the days with scarce tables): a random left-out meeting u goes to a
     * random one of its allowed slots t, in place of the meeting there of one of its two participants (the other
     * free then), or, with both free and every table of t taken, of a random meeting in t. As many meetings stay
     * placed, but which ones are left out changes, which neither rows nor chains do (they keep the start's left-out
     * meetings out). Taken when fair, precedences kept, and as in annealing by its change in breaks. Whether taken.
     */
    private boolean exchange(SplittableRandom random, double temperature) {
        int i = random.nextInt(outs.length);
        int u = outs[i];
        int t = nthBit(allowedMask[u], random.nextInt(Integer.bitCount(allowedMask[u])));
        MeetingRequest meeting = analysis.meeting(u);
        int a = meetingAt[meeting.first()][t];
        int b = meetingAt[meeting.second()][t];
        int out;
        if (a >= 0 && b >= 0) {
            return false;
        } else if (a >= 0 || b >= 0) {
            out = Math.max(a, b);
        } else if (used[t] < analysis.tables[t]) {
            return false; // room for one more: placing more is the annealing's, the search keeps the count
        } else {
            out = anyMeetingIn(t, random);
        }
        if (out < 0 || analysis.meeting(out).isFixed()) {
            return false;
        }
        int before = totalBreaks;
        take(out);
        put(u, t);
        int delta = totalBreaks - before;
        if (orderOk(u, t) && gap() <= d && (delta <= 0 || random.nextDouble() < Math.exp(-delta / temperature))) {
            outs[i] = out;
            return true;
        }
        take(u);
        put(out, t);
        return false;
    }

    /** A meeting in slot t, of the first participant busy there from a random one on; -1 when none. */
    private int anyMeetingIn(int t, SplittableRandom random) {
        int participants = meetingAt.length;
        int from = random.nextInt(participants);
        for (int k = 0; k < participants; k++) {
            int m = meetingAt[(from + k) % participants][t];
            if (m >= 0) {
                return m;
            }
        }
        return -1;
    }

    /**
     * Moves m's Kempe chain between its slot and t to the other side when every meeting of it may go there
     * (movable, allowed, tables, precedences); whether it did. {@link #undoChain} puts it back.
     */
    private boolean swapChain(int m, int t) {
        int s = slotOf[m];
        chainSize = buildChain(m, s, t);
        if (chainSize < 0) {
            return false;
        }
        int toT = 0;
        for (int i = 0; i < chainSize; i++) {
            int e = chain[i];
            int other = chainFrom[i] == s ? t : s;
            if (analysis.meeting(e).isFixed() || (allowedMask[e] >> other & 1) == 0) {
                return false;
            }
            toT += chainFrom[i] == s ? 1 : -1;
        }
        if (used[t] + toT > analysis.tables[t] || used[s] - toT > analysis.tables[s]) {
            return false;
        }
        for (int i = 0; i < chainSize; i++) {
            take(chain[i]);
        }
        for (int i = 0; i < chainSize; i++) {
            put(chain[i], chainFrom[i] == s ? t : s);
        }
        for (int i = 0; i < chainSize; i++) {
            if (!orderOk(chain[i], slotOf[chain[i]])) {
                undoChain();
                return false;
            }
        }
        return true;
    }

    /** Puts the chain of the last {@link #swapChain} back where it was. */
    private void undoChain() {
        for (int i = 0; i < chainSize; i++) {
            take(chain[i]);
        }
        for (int i = 0; i < chainSize; i++) {
            put(chain[i], chainFrom[i]);
        }
    }

    /**
     * One Kempe-chain swap, whatever it does to the breaks and fairness: meeting m's chain between its slot and t;
     * the start as it was when the chain may not move.
     */
    static int[] chainSwap(ProblemAnalysis analysis, int[] start, int m, int t) {
        RowSearch search = new RowSearch(analysis, start);
        if (start[m] < 0 || start[m] == t || !search.swapChain(m, t)) {
            return start.clone();
        }
        return search.slotOf.clone();
    }

    /** Fills {@link #chain} (and {@link #chainFrom}) with m's Kempe chain between s and t; its length, or -1. */
    private int buildChain(int m, int s, int t) {
        stamp++;
        int size = 0;
        chain[size] = m;
        chainFrom[size++] = s;
        inChain[m] = stamp;
        for (int i = 0; i < size && size >= 0; i++) {
            MeetingRequest meeting = analysis.meeting(chain[i]);
            size = joinChain(meeting.first(), s, t, size);
            if (size >= 0) {
                size = joinChain(meeting.second(), s, t, size);
            }
        }
        return size;
    }

    /** Adds participant q's meetings in s and t to the chain (once per chain); its new length, or -1 when too long. */
    private int joinChain(int q, int s, int t, int size) {
        if (seenAt[q] == stamp) {
            return size;
        }
        seenAt[q] = stamp;
        int length = size;
        for (int slot = s; ; slot = t) {
            int o = meetingAt[q][slot];
            if (o >= 0 && inChain[o] != stamp) {
                if (length == MAX_CHAIN) {
                    return -1;
                }
                inChain[o] = stamp;
                chain[length] = o;
                chainFrom[length++] = slot;
            }
            if (slot == t) {
                return length;
            }
        }
    }

    private static int nthBit(int bits, int index) {
        int rest = bits;
        for (int i = 0; i < index; i++) {
            rest &= rest - 1;
        }
        return Integer.numberOfTrailingZeros(rest);
    }

    /** Fills {@link #row} with the participant's placed movable meetings (a random MAX_ROW of them); their count. */
    private int chooseRow(int p, SplittableRandom random) {
        int size = 0;
        int seen = 0;
        for (int m : analysis.meetingsOf[p]) {
            if (slotOf[m] < 0 || analysis.meeting(m).isFixed()) {
                continue;
            }
            // reservoir sampling keeps a uniform choice of MAX_ROW
            if (size < MAX_ROW) {
                row[size++] = m;
            } else {
                int j = random.nextInt(seen + 1);
                if (j < MAX_ROW) {
                    row[j] = m;
                }
            }
            seen++;
        }
        // two meetings with the same partner would make the partners' breaks inseparable: keep one
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                if (partner(row[i], p) == partner(row[j], p)) {
                    row[j--] = row[--size];
                }
            }
        }
        return size;
    }

    private int partner(int m, int p) {
        MeetingRequest meeting = analysis.meeting(m);
        return meeting.first() == p ? meeting.second() : meeting.first();
    }

    /**
     * Takes the row's meetings out and puts them back where the programme says (the fewest breaks of p and its
     * partners, ties at random); {@code kicked}, when not -1, may not stay in its slot. False (and nothing
     * changed) when the programme finds no answer, which only a kick can cause.
     */
    private boolean reoptimise(int p, int size, int kicked, SplittableRandom random) {
        int[] was = new int[size];
        for (int i = 0; i < size; i++) {
            was[i] = slotOf[row[i]];
            take(row[i]);
        }
        // the allowed range of the changed participants' breaks, from everyone else's
        for (int i = 0; i < size; i++) {
            withBreaks[breaks[partner(row[i], p)]]--;
        }
        withBreaks[breaks[p]]--;
        int low = 0;
        while (low <= slots && withBreaks[low] == 0) {
            low++;
        }
        int high = slots;
        while (high >= 0 && withBreaks[high] == 0) {
            high--;
        }
        for (int i = 0; i < size; i++) {
            withBreaks[breaks[partner(row[i], p)]]++;
        }
        withBreaks[breaks[p]]++;
        int minAllowed = low > slots ? 0 : Math.max(0, high - d);
        int maxAllowed = low > slots ? slots : low + d;
        int ownMax = Math.min(maxAllowed, MAX_OWN_BREAKS);
        int fixedBusy = busy[p];
        for (int i = 0; i < size; i++) {
            int m = row[i];
            int q = partner(m, p);
            int other = busy[q];
            int base = LocalSearch.breaks(other);
            int ok = 0;
            beforeMask[i] = 0;
            for (int s : analysis.allowed[m]) {
                if ((other >> s & 1) != 0 || (fixedBusy >> s & 1) != 0 || used[s] >= analysis.tables[s]
                        || i == kicked && s == was[i] || !orderOk(m, s)) {
                    continue;
                }
                int nb = LocalSearch.breaks(other | 1 << s);
                if (nb < minAllowed || nb > maxAllowed) {
                    continue;
                }
                ok |= 1 << s;
                partnerCost[i][s] = (nb - base) * SCALE + random.nextInt(NOISE);
            }
            okSlots[i] = ok;
            for (int before : analysis.meeting(m).after()) {
                for (int j = 0; j < size; j++) {
                    if (row[j] == before) {
                        beforeMask[i] |= 1 << j;
                    }
                }
            }
            for (int after : successors[m]) {
                for (int j = 0; j < size; j++) {
                    if (row[j] == after) {
                        beforeMask[j] |= 1 << i;
                    }
                }
            }
        }
        int[] chosen = programme(size, fixedBusy, minAllowed, ownMax);
        if (chosen == null) {
            for (int i = 0; i < size; i++) {
                put(row[i], was[i]);
            }
            return false;
        }
        for (int i = 0; i < size; i++) {
            put(row[i], chosen[i]);
        }
        return true;
    }

    /** The slots of the row's meetings with the least cost, or null. */
    private int[] programme(int size, int fixedBusy, int ownMin, int ownMax) {
        int masks = 1 << size;
        int phases = 3; // 0 not started, 1 meeting in the last slot, 2 idle after having started
        int own = ownMax + 1;
        int states = masks * phases * own;
        int[] now = costNow;
        int[] next = costNext;
        Arrays.fill(now, 0, states, INF);
        now[0] = 0;
        for (int s = 0; s < slots; s++) {
            Arrays.fill(next, 0, states, INF);
            int[] from = choice[s];
            boolean forced = (fixedBusy >> s & 1) != 0;
            for (int state = 0; state < states; state++) {
                int cost = now[state];
                if (cost >= INF) {
                    continue;
                }
                int b = state % own;
                int phase = state / own % phases;
                int mask = state / own / phases;
                // busy in s: a fixed meeting, or one of the row placed here
                int busyB = phase == 2 ? b + 1 : b;
                if (forced) {
                    if (busyB <= ownMax) {
                        relax(next, from, (mask * phases + 1) * own + busyB, cost + (busyB - b) * SCALE, state, 0);
                    }
                    continue;
                }
                // idle in s
                relax(next, from, (mask * phases + (phase == 0 ? 0 : 2)) * own + b, cost, state, 0);
                if (busyB > ownMax) {
                    continue;
                }
                for (int i = 0; i < size; i++) {
                    if ((mask >> i & 1) != 0 || (okSlots[i] >> s & 1) == 0
                            || (beforeMask[i] & mask) != beforeMask[i]) {
                        continue;
                    }
                    relax(next, from, ((mask | 1 << i) * phases + 1) * own + busyB,
                            cost + (busyB - b) * SCALE + partnerCost[i][s], state, i + 1);
                }
            }
            int[] swap = now;
            now = next;
            next = swap;
        }
        int bestState = -1;
        int bestCost = INF;
        for (int phase = 0; phase < phases; phase++) {
            for (int b = ownMin; b <= ownMax; b++) {
                int state = ((masks - 1) * phases + phase) * own + b;
                if (now[state] < bestCost) {
                    bestCost = now[state];
                    bestState = state;
                }
            }
        }
        if (bestState < 0) {
            return null;
        }
        int[] chosen = new int[size];
        int state = bestState;
        for (int s = slots - 1; s >= 0; s--) {
            int code = choice[s][state];
            int placed = code & 0xF;
            state = code >>> 4;
            if (placed > 0) {
                chosen[placed - 1] = s;
            }
        }
        return chosen;
    }

    private static void relax(int[] next, int[] from, int to, int cost, int state, int placed) {
        if (cost < next[to]) {
            next[to] = cost;
            from[to] = state << 4 | placed;
        }
    }

    private boolean orderOk(int m, int s) {
        return analysis.orderOk(m, s, slotOf, successors);
    }

    private int gap() {
        int low = 0;
        while (withBreaks[low] == 0) {
            low++;
        }
        int high = slots;
        while (withBreaks[high] == 0) {
            high--;
        }
        return high - low;
    }

    private void put(int m, int s) {
        MeetingRequest meeting = analysis.meeting(m);
        slotOf[m] = s;
        used[s]++;
        mark(meeting.first(), s, true, m);
        mark(meeting.second(), s, true, m);
    }

    private void take(int m) {
        MeetingRequest meeting = analysis.meeting(m);
        int s = slotOf[m];
        slotOf[m] = -1;
        used[s]--;
        mark(meeting.first(), s, false, m);
        mark(meeting.second(), s, false, m);
    }

    private void mark(int p, int s, boolean on, int m) {
        meetingAt[p][s] = on ? m : -1;
        busy[p] = on ? busy[p] | 1 << s : busy[p] & ~(1 << s);
        int now = LocalSearch.breaks(busy[p]);
        withBreaks[breaks[p]]--;
        withBreaks[now]++;
        totalBreaks += now - breaks[p];
        breaks[p] = now;
        if (now > 0 && brokenAt[p] < 0 && mover[p]) {
            brokenAt[p] = brokenCount;
            broken[brokenCount++] = p;
        } else if (now == 0 && brokenAt[p] >= 0) {
            int last = broken[--brokenCount];
            broken[brokenAt[p]] = last;
            brokenAt[last] = brokenAt[p];
            brokenAt[p] = -1;
        }
    }
}
