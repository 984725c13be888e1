package org.b2bforum.optimizer;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The CP-SAT model of one problem (see the package documentation), and its solves. Longer than
 * our usual classes on purpose: the variables, the constraints that tie them and the solves that
 * read them back share index arithmetic, and split apart each half would need the other's
 * private layout; it is one model, read top to bottom.
 */
final class CpSatModel {

    /**
     * A solve's answer: per meeting its slot (-1 = not placed), or null when no solution was found; and the total
     * breaks it proved at least (0 when it proved none; an unanswered fewest-breaks solve's too).
     */
    record Outcome(CpSolverStatus status, int[] slots, int bound) {

        boolean hasSolution() {
            return slots != null;
        }
    }

    /** CP-SAT portfolio workers built around the LP relaxation, left out of decision solves. */
    private static final List<String> LP_WORKERS = List.of("default_lp", "max_lp", "max_lp_sym", "probing",
            "quick_restart");

    /** The optimisation's full-problem workers, in the order CP-SAT takes them: max_lp first. */
    private static final List<String> FULL_WORKERS = List.of("max_lp", "default_lp", "core", "no_lp",
            "quick_restart", "reduced_costs", "pseudo_costs", "lb_tree_search");

    /** The core-based worker of {@link #minimiseWithCore}. */
    private static final com.google.ortools.sat.SatParameters CORE = com.google.ortools.sat.SatParameters.newBuilder()
            .setNumWorkers(1).setOptimizeWithCore(true).setLinearizationLevel(1).setMaxSatReverseAssumptionOrder(true)
            .build();

    private final ProblemAnalysis analysis;
    private final boolean placeAll;
    private final CpSatScheduler.Options options;
    private final CpModel model = new CpModel();
    private final int slots;
    /** x[m][i]: meeting m takes slot analysis.allowed[m][i]. */
    private final BoolVar[][] x;
    /** placed[m] (only when not every meeting must be placed). */
    private final BoolVar[] placed;
    /** y[p][s]: participant p meets in slot s; null where it cannot. */
    private final BoolVar[][] y;
    /** breaks[p], null for participants that cannot have any. */
    private final IntVar[] breaks;
    private final LinearExpr totalBreaks;
    /** Per participant: its window literals by first slot (null entries = no such window), and "no break". */
    private final BoolVar[][] window;
    private final BoolVar[] hasBreak;
    private final LinearExpr participantsWithBreak;
    private final int level;
    /** When building this model began, and whether it was solved since (see {@link #run}). */
    private final long buildStarted = System.nanoTime();
    private boolean solvedOnce;
    /** A lower bound on the total breaks proved before this model was built (0 if none). */
    private int knownBound;
    private final LinearExpr placedCount;
    /** How many fixed meetings are placed (only when not every meeting must be placed). */
    private final LinearExpr fixedPlacedCount;
    /** Every variable other than x, with its value in a given placement: the hint covers them all. */
    private final List<Derived> derived = new ArrayList<>();
    private final java.util.Set<Integer> derivedIndexes = new java.util.HashSet<>();
    /** The parameters of the last solve. */
    private com.google.ortools.sat.SatParameters parameters;

    /**
     * How a solve searches: CP-SAT's portfolio ({@code PORTFOLIO}: a decision question, or the fewest breaks), the
     * one core-based worker of {@link #minimiseWithCore} ({@code CORE}), or the portfolio placing the most
     * ({@code PLACING}). A property of one solve, not of the model: the same model may be asked either way, so it is
     * told to {@link #run}, not kept (until stop 50 a flag that {@link #minimiseWithCore} set for good).
     */
    private enum Search {
        PORTFOLIO, CORE, PLACING
    }

    /** A variable whose value follows from the placement. */
    private record Derived(IntVar var, java.util.function.ToLongFunction<HintDay> value) {
    }

    /** A placement as the derived variables see it. */
    private static final class HintDay {

        final int[] slotOf;
        final boolean[][] busy;
        final int[] breaks;
        final int[] firstBusy;

        HintDay(ProblemAnalysis analysis, int[] slotOf) {
            this.slotOf = slotOf;
            int participants = analysis.meetingsOf.length;
            busy = new boolean[participants][analysis.slots];
            for (int m = 0; m < slotOf.length; m++) {
                if (slotOf[m] >= 0) {
                    busy[analysis.meeting(m).first()][slotOf[m]] = true;
                    busy[analysis.meeting(m).second()][slotOf[m]] = true;
                }
            }
            breaks = new int[participants];
            firstBusy = new int[participants];
            for (int p = 0; p < participants; p++) {
                breaks[p] = BreakCounter.breaks(busy[p]);
                firstBusy[p] = -1;
                for (int s = analysis.slots - 1; s >= 0; s--) {
                    if (busy[p][s]) {
                        firstBusy[p] = s;
                    }
                }
            }
        }

        boolean anyBusy(int p, int from, int to) {
            for (int s = Math.max(0, from); s <= Math.min(to, busy[p].length - 1); s++) {
                if (busy[p][s]) {
                    return true;
                }
            }
            return false;
        }

        /** p busy in exactly the slots [from1, to1] and [from2, to2]. */
        boolean busyExactly(int p, int from1, int to1, int from2, int to2) {
            for (int s = 0; s < busy[p].length; s++) {
                if (busy[p][s] != (s >= from1 && s <= to1 || s >= from2 && s <= to2)) {
                    return false;
                }
            }
            return true;
        }
    }

    CpSatModel(ProblemAnalysis analysis, boolean placeAll, CpSatScheduler.Options options) {
        this(analysis, placeAll, options, -1, null);
    }

    CpSatModel(ProblemAnalysis analysis, boolean placeAll, CpSatScheduler.Options options, int level) {
        this(analysis, placeAll, options, level, null);
    }

    /**
     * @param level     -1 for the optimisation model; k >= 0 for the decision model "at most k breaks in all"
     * @param mayBreak  the only participants allowed a break, or null for everyone. At level 1 each of them
     *                  gets its two-block patterns (see {@link #twoBlocks}).
     */
    CpSatModel(ProblemAnalysis analysis, boolean placeAll, CpSatScheduler.Options options, int level,
            java.util.Collection<Integer> mayBreak) {
        this.level = level;
        this.analysis = analysis;
        this.placeAll = placeAll;
        this.options = options;
        this.slots = analysis.slots;
        int n = analysis.meetingCount();
        int participants = analysis.meetingsOf.length;

        x = new BoolVar[n][];
        placed = placeAll ? null : new BoolVar[n];
        LinearExprBuilder placedSum = LinearExpr.newBuilder();
        LinearExprBuilder fixedSum = LinearExpr.newBuilder();
        for (int m = 0; m < n; m++) {
            goOn();
            int[] allowed = analysis.allowed[m];
            x[m] = new BoolVar[allowed.length];
            for (int i = 0; i < allowed.length; i++) {
                x[m][i] = model.newBoolVar("x" + m + "_" + allowed[i]);
            }
            if (placeAll) {
                model.addExactlyOne(x[m]);
            } else {
                placed[m] = model.newBoolVar("placed" + m);
                int meeting = m;
                derive(placed[m], day -> day.slotOf[meeting] >= 0 ? 1 : 0);
                model.addEquality(LinearExpr.sum(x[m]), placed[m]);
                placedSum.add(placed[m]);
                if (analysis.meeting(m).isFixed()) {
                    fixedSum.add(placed[m]);
                }
                if (analysis.kept(m)) {
                    // the caller's commitment (a confirmed meeting): never left out, for fairness or anything else;
                    // the fairness bound is relaxed to the kept meetings' own gap instead (ProblemAnalysis.fairness)
                    model.addEquality(placed[m], 1);
                }
            }
        }
        placedCount = placeAll ? LinearExpr.constant(n) : placedSum.build();
        fixedPlacedCount = placeAll ? LinearExpr.constant(0) : fixedSum.build();

        // one meeting per participant and slot
        y = new BoolVar[participants][slots];
        for (int p = 0; p < participants; p++) {
            goOn();
            for (int s = 0; s < slots; s++) {
                List<BoolVar> here = new ArrayList<>();
                for (int m : analysis.meetingsOf[p]) {
                    BoolVar v = at(m, s);
                    if (v != null) {
                        here.add(v);
                    }
                }
                if (here.size() == 1) {
                    y[p][s] = here.get(0);
                } else if (here.size() > 1) {
                    y[p][s] = model.newBoolVar("y" + p + "_" + s);
                    int who = p;
                    int slot = s;
                    derive(y[p][s], day -> day.busy[who][slot] ? 1 : 0);
                    model.addEquality(LinearExpr.sum(here.toArray(BoolVar[]::new)), y[p][s]);
                }
            }
            if (placeAll) {
                // redundant: the participant meets in exactly as many slots as it has meetings
                List<BoolVar> busy = present(y[p]);
                if (!busy.isEmpty()) {
                    model.addEquality(LinearExpr.sum(busy.toArray(BoolVar[]::new)), analysis.meetingsOf[p].length);
                }
            }
        }

        // tables
        for (int s = 0; s < slots; s++) {
            goOn();
            List<BoolVar> here = new ArrayList<>();
            for (int m = 0; m < n; m++) {
                BoolVar v = at(m, s);
                if (v != null) {
                    here.add(v);
                }
            }
            if (here.size() > analysis.tables[s]) {
                model.addLessOrEqual(LinearExpr.sum(here.toArray(BoolVar[]::new)), analysis.tables[s]);
            }
        }

        precedences(n);

        // breaks, with prefix/suffix "has met by slot s" chains (see the package documentation)
        breaks = new IntVar[participants];
        window = new BoolVar[participants][];
        hasBreak = new BoolVar[participants];
        LinearExprBuilder total = LinearExpr.newBuilder();
        LinearExprBuilder withBreak = LinearExpr.newBuilder();
        for (int p = 0; p < participants; p++) {
            goOn();
            int possible = 0;
            for (int m : analysis.meetingsOf[p]) {
                if (x[m].length > 0) {
                    possible++;
                }
            }
            if (possible < 2) {
                continue;
            }
            List<BoolVar> ends = breakEnds(p);
            if (ends.isEmpty()) {
                continue;
            }
            int upper = Math.min(Math.min(possible - 1, (slots + 1) / 2 - 1), ends.size());
            breaks[p] = model.newIntVar(0, Math.max(0, upper), "breaks" + p);
            int who = p;
            derive(breaks[p], day -> day.breaks[who]);
            model.addEquality(LinearExpr.sum(ends.toArray(BoolVar[]::new)), breaks[p]);
            total.addSum(ends.toArray(BoolVar[]::new));
            withBreak.add(hasBreak[p]);
            if (placeAll && options.windows()) {
                windows(p);
            }
            if (mayBreak != null && !mayBreak.contains(p)) {
                model.addEquality(hasBreak[p], 0);
            }
            int least = placeAll ? analysis.minBreaks(p) : 0;
            if (least > 0) {
                // implied by the participant's own meetings (see ProblemAnalysis.minBreaks); presolve does not
                // find it, and with it a level below the summed bound is refuted at once
                model.addGreaterOrEqual(breaks[p], least);
                model.addEquality(hasBreak[p], 1);
            }
        }
        // a participant allowed a break has exactly one: at level 1 with one suspect, or at the level of the
        // summed lower bound one whose own bound is 1 (everyone is then at its bound)
        if (mayBreak != null && level > 0 && placeAll && options.windows()) {
            boolean atBound = level == analysis.breaksLowerBound();
            for (int p : mayBreak) {
                boolean once = atBound ? analysis.minBreaks(p) == 1 : level == 1 && mayBreak.size() == 1;
                if (once && hasBreak[p] != null && window[p] != null) {
                    twoBlocks(p);
                }
            }
        }
        totalBreaks = total.build();
        participantsWithBreak = withBreak.build();
        if (level < 0 || level > analysis.fairness()) {
            fairness(participants); // with at most d breaks in all, no two participants can differ by more
        }
        if (level >= 0) {
            model.addLessOrEqual(totalBreaks, level);
            model.addLessOrEqual(participantsWithBreak, level);
        }
        if (placeAll && options.windows()) {
            overlappingWindows(n);
        }
        slotDegrees(n, participants);
    }

    /**
     * Ends the model's building ({@link CancellationException}) once its thread is interrupted:
     * {@link CpSatScheduler#built} builds each model in a thread of its own and cancels it when it is not wanted any more
     * (the build stopped, or its answer's time reached). Asked per meeting, participant and slot of the constructor's loops; left to end, a forum
     * day's model (500 companies, 3,778 meetings) went on for 0.2-0.4 CPU seconds and 3.6-5.7 s of wall time at load 8
     * after its build had answered (bench/README, issue 15 twenty-third round).
     */
    private static void goOn() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the model's building was stopped");
        }
    }

    /**
     * The break literals of one participant: end[s] = "a break ends at s" = it meets in s, not in s - 1, and
     * met before (before[s - 1]). Sets hasBreak[p] to their disjunction and adds the hole clauses: met by
     * s - 1, meets again from s + 1 on and idle in s means a break.
     */
    private List<BoolVar> breakEnds(int p) {
        BoolVar[] before = new BoolVar[slots];
        for (int s = 0; s < slots; s++) {
            before[s] = chain(s > 0 ? before[s - 1] : null, y[p][s], "before" + p + "_" + s);
        }
        BoolVar[] after = new BoolVar[slots];
        for (int s = slots - 1; s >= 0; s--) {
            after[s] = chain(s + 1 < slots ? after[s + 1] : null, y[p][s], "after" + p + "_" + s);
        }
        for (int s = 0; s < slots; s++) {
            int slot = s;
            if (before[s] != null) {
                derive(before[s], day -> day.anyBusy(p, 0, slot) ? 1 : 0);
            }
            if (after[s] != null) {
                derive(after[s], day -> day.anyBusy(p, slot, slots - 1) ? 1 : 0);
            }
        }
        List<BoolVar> ends = new ArrayList<>();
        for (int s = 1; s < slots; s++) {
            if (y[p][s] == null || before[s - 1] == null) {
                continue;
            }
            BoolVar end = model.newBoolVar("breakEnd" + p + "_" + s);
            int slot = s;
            derive(end, day -> day.busy[p][slot] && !day.busy[p][slot - 1] && day.anyBusy(p, 0, slot - 1) ? 1 : 0);
            model.addImplication(end, y[p][s]);
            model.addImplication(end, before[s - 1]);
            List<Literal> clause = new ArrayList<>(List.of(y[p][s].not(), before[s - 1].not(), end));
            if (y[p][s - 1] != null) {
                model.addImplication(end, y[p][s - 1].not());
                clause.add(y[p][s - 1]);
            }
            model.addBoolOr(clause);
            ends.add(end);
        }
        if (ends.isEmpty()) {
            return ends;
        }
        BoolVar any = model.newBoolVar("hasBreak" + p);
        derive(any, day -> day.breaks[p] > 0 ? 1 : 0);
        hasBreak[p] = any;
        List<Literal> some = new ArrayList<>(ends);
        some.add(any.not());
        model.addBoolOr(some);
        for (BoolVar end : ends) {
            model.addImplication(end, any);
        }
        for (int s = 1; s + 1 < slots; s++) {
            if (before[s - 1] == null || after[s + 1] == null) {
                continue;
            }
            List<Literal> hole = new ArrayList<>(List.of(before[s - 1].not(), after[s + 1].not(), any));
            if (y[p][s] != null) {
                hole.add(y[p][s]);
            }
            model.addBoolOr(hole);
        }
        return ends;
    }

    /** previous OR current as a literal (null = false); reuses a side when the other is false. */
    private BoolVar chain(BoolVar previous, BoolVar current, String name) {
        if (previous == null) {
            return current;
        }
        if (current == null) {
            return previous;
        }
        BoolVar or = model.newBoolVar(name);
        model.addImplication(previous, or);
        model.addImplication(current, or);
        model.addBoolOr(new Literal[] {or.not(), previous, current});
        return or;
    }

    private BoolVar at(int m, int s) {
        int i = Arrays.binarySearch(analysis.allowed[m], s);
        return i >= 0 ? x[m][i] : null;
    }

    private static List<BoolVar> present(BoolVar[] vars) {
        List<BoolVar> list = new ArrayList<>();
        for (BoolVar v : vars) {
            if (v != null) {
                list.add(v);
            }
        }
        return list;
    }

    private LinearExpr slotOf(int m) {
        long[] coefficients = Arrays.stream(analysis.allowed[m]).asLongStream().toArray();
        return LinearExpr.weightedSum(x[m], coefficients);
    }

    /** A meeting after another: both placed implies the earlier one's slot is strictly smaller. */
    private void precedences(int n) {
        for (int m = 0; m < n; m++) {
            for (int before : analysis.meeting(m).after()) {
                if (before < 0 || before >= n) {
                    continue;
                }
                if (before == m || x[m].length == 0 || x[before].length == 0) {
                    if (placeAll) {
                        model.addBoolOr(new Literal[0]); // cannot hold: the analysis should have sent us elsewhere
                    } else if (before == m && x[m].length > 0) {
                        model.addEquality(placed[m], 0);
                    }
                    continue;
                }
                // x[m][s] excludes every slot >= s for the earlier meeting (clauses propagate well)
                for (int i = 0; i < x[m].length; i++) {
                    int s = analysis.allowed[m][i];
                    for (int j = 0; j < x[before].length; j++) {
                        if (analysis.allowed[before][j] >= s) {
                            model.addBoolOr(new Literal[] {x[m][i].not(), x[before][j].not()});
                        }
                    }
                }
                if (placeAll) {
                    model.addLessOrEqual(LinearExpr.newBuilder().add(slotOf(before)).add(1).build(), slotOf(m));
                }
            }
        }
    }

    /**
     * Redundant: a participant without breaks meets in one window of n consecutive slots (n = its meetings).
     * window[p][f] = "its window starts at f": exactly one window when it has no break, none otherwise; the
     * window's slots are all busy, and a busy slot lies in the window unless the participant has a break.
     * Windows crossing a slot in which it cannot meet are left out.
     */
    private void windows(int p) {
        int count = analysis.meetingsOf[p].length;
        window[p] = new BoolVar[slots];
        List<List<Literal>> covering = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            covering.add(new ArrayList<>());
        }
        List<BoolVar> starts = new ArrayList<>();
        for (int f = 0; f + count <= slots; f++) {
            boolean fits = true;
            for (int s = f; s < f + count; s++) {
                fits &= y[p][s] != null;
            }
            if (!fits) {
                continue;
            }
            BoolVar w = model.newBoolVar("window" + p + "_" + f);
            int start = f;
            derive(w, day -> day.breaks[p] == 0 && day.firstBusy[p] == start ? 1 : 0);
            window[p][f] = w;
            starts.add(w);
            for (int s = f; s < f + count; s++) {
                model.addImplication(w, y[p][s]);
                covering.get(s).add(w);
            }
        }
        model.addEquality(LinearExpr.newBuilder().addSum(starts.toArray(BoolVar[]::new)).add(hasBreak[p]).build(), 1);
        for (int s = 0; s < slots; s++) {
            if (y[p][s] == null) {
                continue;
            }
            List<Literal> clause = new ArrayList<>(covering.get(s));
            clause.add(y[p][s].not());
            clause.add(hasBreak[p]);
            model.addBoolOr(clause);
        }
    }

    /**
     * Redundant: a meeting lies in both windows, so when one side's window starts at f and the other side has
     * no break, the other side's window overlaps [f, f + n - 1].
     */
    private void overlappingWindows(int n) {
        for (int m = 0; m < n; m++) {
            goOn();
            MeetingRequest meeting = analysis.meeting(m);
            int a = meeting.first();
            int b = meeting.second();
            if (window[a] == null || window[b] == null) {
                continue;
            }
            overlap(a, b);
            overlap(b, a);
        }
    }

    private void overlap(int a, int b) {
        int na = analysis.meetingsOf[a].length;
        int nb = analysis.meetingsOf[b].length;
        for (int f = 0; f < slots; f++) {
            if (window[a][f] == null) {
                continue;
            }
            List<Literal> clause = new ArrayList<>();
            clause.add(window[a][f].not());
            clause.add(hasBreak[b]);
            for (int g = 0; g < slots; g++) {
                // [g, g + nb - 1] meets [f, f + na - 1]
                if (window[b][g] != null && g <= f + na - 1 && f <= g + nb - 1) {
                    clause.add(window[b][g]);
                }
            }
            model.addBoolOr(clause);
        }
    }

    /** Redundant: in each slot the busy participants are exactly twice the meetings. */
    private void slotDegrees(int n, int participants) {
        for (int s = 0; s < slots; s++) {
            goOn();
            LinearExprBuilder busy = LinearExpr.newBuilder();
            int count = 0;
            for (int p = 0; p < participants; p++) {
                if (y[p][s] != null) {
                    busy.add(y[p][s]);
                    count++;
                }
            }
            LinearExprBuilder meetings = LinearExpr.newBuilder();
            for (int m = 0; m < n; m++) {
                BoolVar v = at(m, s);
                if (v != null) {
                    meetings.addTerm(v, 2);
                }
            }
            if (count > 0) {
                model.addEquality(busy.build(), meetings.build());
                model.addLessOrEqual(busy.build(), 2L * analysis.tables[s]);
            }
        }
    }

    /** Fairness: the breaks of any two participants differ by at most d. */
    private void fairness(int participants) {
        int d = analysis.fairness();
        List<IntVar> counted = new ArrayList<>();
        boolean someoneHasNone = false;
        for (int p = 0; p < participants; p++) {
            if (breaks[p] == null) {
                someoneHasNone = true;
            } else {
                counted.add(breaks[p]);
            }
        }
        if (counted.isEmpty()) {
            return;
        }
        if (someoneHasNone) {
            // a participant with fewer than two meetings has 0 breaks, so nobody may have more than d
            for (IntVar b : counted) {
                model.addLessOrEqual(b, d);
            }
            return;
        }
        IntVar low = model.newIntVar(0, slots, "minBreaks");
        IntVar high = model.newIntVar(0, slots, "maxBreaks");
        derive(low, day -> java.util.stream.IntStream.range(0, participants).filter(p -> breaks[p] != null)
                .map(p -> day.breaks[p]).min().orElse(0));
        derive(high, day -> java.util.stream.IntStream.range(0, participants).filter(p -> breaks[p] != null)
                .map(p -> day.breaks[p]).max().orElse(0));
        for (IntVar b : counted) {
            model.addLessOrEqual(low, b);
            model.addLessOrEqual(b, high);
        }
        model.addLessOrEqual(LinearExpr.newBuilder().add(high).addTerm(low, -1).build(), d);
    }

    /**
     * Suggests a placement (per meeting a slot or -1) as the solver's starting point: every variable, the break
     * chains and windows included, so that CP-SAT can take a feasible hint as its first solution as it is.
     */
    void hint(int[] slotOf) {
        hint(slotOf, true);
    }

    /**
     * Only the slots when not {@code complete}: for a decision level the starting schedule breaks the level's
     * cap anyway, and the complete hint of it made the level searches slower (measured on the benchmark).
     */
    void hint(int[] slotOf, boolean complete) {
        model.clearHints();
        java.util.Set<Integer> hinted = new java.util.HashSet<>();
        for (int m = 0; m < x.length; m++) {
            for (int i = 0; i < x[m].length; i++) {
                model.addHint(x[m][i], analysis.allowed[m][i] == slotOf[m]);
                hinted.add(x[m][i].getIndex());
            }
        }
        HintDay day = new HintDay(analysis, slotOf);
        if (!complete || !solutionShaped(day)) {
            return;
        }
        for (Derived d : derived) {
            if (hinted.add(d.var().getIndex())) {
                model.addHint(d.var(), d.value().applyAsLong(day));
            }
        }
    }

    /**
     * Whether a placement can be a solution of this model: every meeting placed where all must be, and fair. A
     * complete hint of anything else gave worse runs than the slots alone (first-fit leaving meetings out).
     */
    private boolean solutionShaped(HintDay day) {
        if (placeAll && Arrays.stream(day.slotOf).anyMatch(s -> s < 0)) {
            return false;
        }
        return level >= 0 || BreakCounter.gap(day.breaks) <= analysis.fairness();
    }

    /** Whether the hint gives every variable and, each at its hinted value, is a solution of this model. */
    boolean hintIsASolution(double seconds) {
        if (model.getBuilder().getSolutionHint().getVarsCount() != model.getBuilder().getVariablesCount()) {
            return false;
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(1).setFixVariablesToTheirHintedValue(true);
        CpSolverStatus status = solver.solve(model);
        return status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
    }

    /** Registers a variable whose value follows from the placement (once: chains reuse variables). */
    private void derive(IntVar var, java.util.function.ToLongFunction<HintDay> value) {
        if (derivedIndexes.add(var.getIndex())) {
            derived.add(new Derived(var, value));
        }
    }

    /**
     * A suspect's day at level 1 is either one window or exactly two blocks: the patterns "block
     * [f1, f1 + l1 - 1], then idle, then block [f2, f2 + n - l1 - 1]" are literals, one of them iff
     * hasBreak[p], each forcing its slots busy, and a busy slot lies in the chosen window or pattern.
     */
    private void twoBlocks(int p) {
        int count = analysis.meetingsOf[p].length;
        List<List<Literal>> covering = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            covering.add(new ArrayList<>());
        }
        for (int f = 0; f < slots; f++) {
            if (window[p][f] != null) {
                for (int t = f; t < f + count; t++) {
                    covering.get(t).add(window[p][f]);
                }
            }
        }
        List<BoolVar> patterns = new ArrayList<>();
        List<int[]> blocksOf = new ArrayList<>();
        for (int first = 1; first < count; first++) {
            int second = count - first;
            for (int f1 = 0; f1 + first <= slots; f1++) {
                if (!usable(p, f1, first)) {
                    continue;
                }
                for (int f2 = f1 + first + 1; f2 + second <= slots; f2++) {
                    if (!usable(p, f2, second)) {
                        continue;
                    }
                    BoolVar q = model.newBoolVar("blocks" + p + "_" + f1 + "_" + first + "_" + f2);
                    int[] blocks = {f1, f1 + first - 1, f2, f2 + second - 1};
                    derive(q, day -> day.busyExactly(p, blocks[0], blocks[1], blocks[2], blocks[3]) ? 1 : 0);
                    patterns.add(q);
                    blocksOf.add(new int[] {f1, f1 + first - 1, f2, f2 + second - 1});
                    for (int t = f1; t < f1 + first; t++) {
                        model.addImplication(q, y[p][t]);
                        covering.get(t).add(q);
                    }
                    for (int t = f2; t < f2 + second; t++) {
                        model.addImplication(q, y[p][t]);
                        covering.get(t).add(q);
                    }
                }
            }
        }
        model.addEquality(LinearExpr.sum(patterns.toArray(BoolVar[]::new)), hasBreak[p]);
        // each partner without a break meets inside its window, so its window meets one of the two blocks
        for (int m : analysis.meetingsOf[p]) {
            MeetingRequest meeting = analysis.meeting(m);
            int a = meeting.first() == p ? meeting.second() : meeting.first();
            if (window[a] == null) {
                continue;
            }
            int na = analysis.meetingsOf[a].length;
            for (int i = 0; i < patterns.size(); i++) {
                int[] b = blocksOf.get(i);
                List<Literal> clause = new ArrayList<>();
                clause.add(patterns.get(i).not());
                clause.add(hasBreak[a]);
                for (int g = 0; g < slots; g++) {
                    if (window[a][g] != null && (meets(g, g + na - 1, b[0], b[1]) || meets(g, g + na - 1, b[2], b[3]))) {
                        clause.add(window[a][g]);
                    }
                }
                model.addBoolOr(clause);
            }
        }
        for (int s = 0; s < slots; s++) {
            if (y[p][s] != null) {
                List<Literal> clause = new ArrayList<>(covering.get(s));
                clause.add(y[p][s].not());
                model.addBoolOr(clause);
            }
        }
    }

    private static boolean meets(int from1, int to1, int from2, int to2) {
        return from1 <= to2 && from2 <= to1;
    }

    private boolean usable(int p, int from, int length) {
        for (int t = from; t < from + length; t++) {
            if (y[p][t] == null) {
                return false;
            }
        }
        return true;
    }

    /** The total breaks are at least this (a proven lower bound, which helps the search). */
    void breaksAtLeast(int bound) {
        knownBound = Math.max(knownBound, bound);
        model.addGreaterOrEqual(totalBreaks, bound);
    }

    /** Only looks for a solution (no objective). */
    Outcome feasible(double seconds, Scheduler.ProgressListener listener, CpSatScheduler.Clock clock) {
        return run(seconds, listener, clock, Search.PORTFOLIO);
    }

    /** At least this many meetings placed from now on. */
    /** Keeps at least this many meetings placed, and at least this many of the fixed ones. */
    void requirePlaced(int count, int fixedCount) {
        model.addGreaterOrEqual(placedCount, count);
        model.addGreaterOrEqual(fixedPlacedCount, fixedCount);
    }

    /** How many of the fixed meetings are placed in this schedule. */
    int fixedPlacedCount(int[] slotOf) {
        int count = 0;
        for (int m = 0; m < slotOf.length; m++) {
            if (slotOf[m] >= 0 && analysis.meeting(m).isFixed()) {
                count++;
            }
        }
        return count;
    }

    static int placedCount(int[] slotOf) {
        int count = 0;
        for (int s : slotOf) {
            if (s >= 0) {
                count++;
            }
        }
        return count;
    }

    Outcome minimiseBreaks(double seconds, Scheduler.ProgressListener listener, CpSatScheduler.Clock clock) {
        model.minimize(totalBreaks);
        return run(seconds, listener, clock, Search.PORTFOLIO);
    }

    /**
     * The fewest breaks, asked of one core-based worker with its LP ({@link #CORE}): it assumes every break away and
     * gives up only those its conflicts force, so with the bound told it looks for a schedule at the bound first.
     * forum-13crafc.forbidden's "at most 2?" (30 must break): this worker found its optimum 2 in 13.6-28.1 CPU s in
     * all eleven solves, where the decision solves' three no-LP workers answered nothing in 55 CPU s and the same worker
     * without the core approach found nothing below 24 breaks, without its LP nothing at 2, in 30 s (issue 15, stop
     * 48).
     */
    Outcome minimiseWithCore(double seconds, Scheduler.ProgressListener listener, CpSatScheduler.Clock clock) {
        model.minimize(totalBreaks);
        return run(seconds, listener, clock, Search.CORE);
    }

    /** The parameters of this model's last solve (null before it), for the tests. */
    com.google.ortools.sat.SatParameters parameters() {
        return parameters;
    }

    /**
     * As many meetings placed as possible, fixed ones first: a fixed meeting is a commitment (booked or
     * published earlier) and is never traded for another, even one for one.
     */
    Outcome maximisePlaced(double seconds, Scheduler.ProgressListener listener, CpSatScheduler.Clock clock) {
        model.maximize(LinearExpr.newBuilder().addTerm(fixedPlacedCount, x.length + 1L).add(placedCount).build());
        return run(seconds, listener, clock, Search.PLACING);
    }

    private Outcome run(double seconds, Scheduler.ProgressListener listener, CpSatScheduler.Clock clock,
            Search search) {
        boolean placing = search == Search.PLACING;
        // The budget was given before the model was built: the building counts in it (under a CPU hog building
        // took seconds, and a 2 s build ran 5.4 s), and the solve never runs past the whole limit.
        double limit = Math.min(clock.remaining(),
                solvedOnce ? seconds : seconds - (System.nanoTime() - buildStarted) / 1e9);
        solvedOnce = true;
        if (limit < 0.02) {
            return new Outcome(CpSolverStatus.UNKNOWN, null, 0);
        }
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setMaxTimeInSeconds(limit)
                .setNumWorkers(options.workers())
                .setRandomSeed(options.randomSeed())
                .setLogSearchProgress(options.log());
        if (search == Search.CORE) {
            // one worker, not CP-SAT's portfolio "core" subsolver: that one runs without the LP (linearization 0),
            // which found nothing in 30 s on forbidden; the reverse assumption order measured 14-25 CPU s against
            // 18-28 (five seeds each)
            solver.getParameters().mergeFrom(CORE);
        } else if (!model.getBuilder().hasObjective()) {
            // A decision question is pure clause learning: the LP-based workers of the portfolio add nothing
            // there but take CPU from the no-LP ones, which find the schedules (measured on the benchmark).
            for (String worker : LP_WORKERS) {
                solver.getParameters().addIgnoreSubsolvers(worker);
            }
        } else {
            // An optimisation here starts from a good complete schedule (the floor, the annealing or a decision
            // solve): improving it is the neighbourhood workers' job, and with 3 workers on 2 cores CP-SAT gave
            // them one thread. With one full-problem worker (two of three threads to the neighbourhoods) the
            // crafted days with 24 and 19 tables ended at 6-9 and 4-5 breaks instead of 12-16 and 4-6 (10 s,
            // alternating runs, bench/README.md); more cores keep all but two full-problem workers.
            solver.getParameters().setNumFullSubsolvers(Math.max(1, options.workers() - 2));
            if (placeAll) {
                // The full-problem worker with the strongest LP relaxation: on the crafted days with scarce
                // tables its bound is the optimum (tic-13.more195: 5, tic-13.tables19: 4, within a second),
                // where the level questions stall one or two lower.
                FULL_WORKERS.forEach(solver.getParameters()::addSubsolvers);
            }
        }
        parameters = solver.getParameters().build();
        CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                try {
                    int placedNow = (int) value(placedCount);
                    int breaksNow = (int) value(totalBreaks);
                    int bound = placing ? 0 : (int) Math.ceil(bestObjectiveBound() - 1e-6);
                    listener.improved(placedNow, breaksNow, Math.min(breaksNow, Math.max(knownBound, bound)),
                            clock.elapsed());
                } catch (RuntimeException e) {
                    // a listener's failure must not break the solve
                }
            }
        };
        CpSolverStatus status;
        if (!clock.solving(solver)) {
            return new Outcome(CpSolverStatus.UNKNOWN, null, 0);
        }
        try {
            status = solver.solve(model, callback);
        } finally {
            clock.solved(solver);
        }
        if (options.log()) {
            System.err.printf("solve: %s in %.2f s of %.2f s (deterministic time %.2f), ended at %.2f s%n", status,
                    solver.wallTime(), limit, solver.response().getDeterministicTime(), clock.elapsed());
        }
        if (status == CpSolverStatus.UNKNOWN && !placing) {
            // unanswered, the fewest breaks' solve still tells the bound it proved (the core-based worker raises it as
            // it refutes its assumptions): the caller keeps it, with the bound it knew (CoreAnswer, issue 15, stop 50)
            return new Outcome(status, null, model.getBuilder().hasObjective()
                    ? (int) Math.ceil(solver.bestObjectiveBound() - 1e-6) : 0);
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Outcome(status, null, 0);
        }
        int[] slotOf = new int[x.length];
        Arrays.fill(slotOf, -1);
        for (int m = 0; m < x.length; m++) {
            for (int i = 0; i < x[m].length; i++) {
                if (solver.booleanValue(x[m][i])) {
                    slotOf[m] = analysis.allowed[m][i];
                }
            }
        }
        int bound = placing ? 0 : Math.max(knownBound, (int) Math.ceil(solver.bestObjectiveBound() - 1e-6));
        return new Outcome(status, slotOf, bound);
    }
}
