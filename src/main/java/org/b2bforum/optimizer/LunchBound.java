package org.b2bforum.optimizer;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.List;

/**
 * A lower bound on the total breaks from the lunch boundary, for days with a morning and an afternoon and scarce
 * tables (issue 15: forum-13.tables8, where the full model's LP bound stays at 0-1).
 *
 * <p>The argument: a participant that meets both in the morning and in the afternoon and has no break meets in
 * every slot between its first and its last meeting, so in the last morning slot and in the first afternoon slot.
 * Those two slots hold only so many meetings, and each meeting seats two participants. So every participant
 * meeting in both halves beyond what those two slots can seat has a break. Which participants meet in both halves
 * depends on where the meetings that may take either half go, and that is limited by the tables of each half and by
 * each participant's free slots there: with 8 tables the morning of forum-13 holds 104 meetings, so at least 48 of
 * its 152 placed meetings are in the afternoon, and most of those involve someone who also meets in the morning.
 *
 * <p>The relaxation, solved by CP-SAT (small: two literals per meeting and per boundary slot, three per
 * participant): per meeting whether it is placed (at least as many as the schedule places) and in which half (only
 * halves with one of its allowed slots); per half at most its tables' worth of meetings, per participant at most its
 * free slots there; per boundary slot (the last of the morning, the first of the afternoon) which meetings take it,
 * at most its tables, at most one per participant; a participant "straddles" (meets in both halves without a break)
 * only when it meets in both boundary slots and its meetings of each half fit the run of free slots that ends
 * (starts) there; everyone else in both halves counts one break. When every meeting is placed, each participant's
 * own bound ({@link ProblemAnalysis#minBreaks}) holds too. Every schedule gives a solution of the relaxation whose
 * count is at most its breaks (precedences, fairness and the other slots are left out, which only lowers the
 * minimum), so the relaxation's proved lower bound is a lower bound on the day's breaks. {@code LunchBoundTest}
 * checks it against the brute-force optimum of small days.
 */
final class LunchBound {

    /**
     * Slots modelled one by one on each side of the boundary. 2, 3 and 5 gave forum-13.tables8 the same bound (17)
     * as 1, in 1-11 s instead of 0.3-0.9 (bench/README, issue 15 tenth round).
     */
    static final int DEPTH = 1;

    private LunchBound() {
    }

    /**
     * A lower bound on the total breaks of every schedule that places at least {@code placed} meetings (0 when the
     * day has no lunch boundary, or when no bound was proved within {@code seconds}).
     */
    static int of(ProblemAnalysis analysis, int placed, double seconds) {
        return of(analysis, placed, seconds, DEPTH);
    }

    /**
     * Whether the relaxation shows that not every meeting can be placed (the halves' tables and the participants'
     * free slots in each half cannot take them all): forum-13.tables8 in about 0.1 s, where "a schedule with every
     * meeting?" took CP-SAT 1-5 s of a 10 s build to refute. False when it does not (or no time or no lunch).
     */
    static boolean provedIncomplete(ProblemAnalysis analysis, double seconds) {
        return solve(analysis, analysis.meetingCount(), seconds, 0, false) == PROVED_INCOMPLETE;
    }

    private static final int PROVED_INCOMPLETE = -1;

    /** The same, with {@code depth} slots modelled on each side of the boundary. */
    static int of(ProblemAnalysis analysis, int placed, double seconds, int depth) {
        return Math.max(0, solve(analysis, placed, seconds, depth, true));
    }

    /**
     * The relaxation's proved lower bound (or 0), {@link #PROVED_INCOMPLETE} when it is infeasible; without
     * {@code minimise} only whether it is feasible.
     */
    private static int solve(ProblemAnalysis analysis, int placed, double seconds, int depth, boolean minimise) {
        SchedulingProblem problem = analysis.problem;
        int slots = analysis.slots;
        int morning = problem.morningSlots();
        int n = analysis.meetingCount();
        if (morning <= 0 || morning >= slots || seconds < 0.01 || placed <= 0) {
            return 0;
        }
        CpSatScheduler.loadNatives();
        boolean all = placed >= n;
        int before = Math.min(depth, morning);
        int after = Math.min(depth, slots - morning);
        // the boundary slots modelled one by one: before[j] = morning - 1 - j, after[j] = morning + j
        int[] near = new int[before + after];
        for (int j = 0; j < before; j++) {
            near[j] = morning - 1 - j;
        }
        for (int j = 0; j < after; j++) {
            near[before + j] = morning + j;
        }
        CpModel model = new CpModel();
        BoolVar[] inMorning = new BoolVar[n];
        BoolVar[] inAfternoon = new BoolVar[n];
        BoolVar[][] at = new BoolVar[near.length][n];
        List<Literal> placedLits = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            java.util.BitSet allowed = new java.util.BitSet(slots);
            for (int s : analysis.allowed[m]) {
                allowed.set(s);
            }
            inMorning[m] = model.newBoolVar("morning" + m);
            inAfternoon[m] = model.newBoolVar("afternoon" + m);
            if (allowed.get(0, morning).isEmpty()) {
                model.addEquality(inMorning[m], 0);
            }
            if (allowed.get(morning, slots).isEmpty()) {
                model.addEquality(inAfternoon[m], 0);
            }
            Literal[] own = new Literal[near.length];
            for (int k = 0; k < near.length; k++) {
                at[k][m] = model.newBoolVar("at" + near[k] + "_" + m);
                own[k] = at[k][m];
                if (!allowed.get(near[k])) {
                    model.addEquality(at[k][m], 0);
                }
                model.addImplication(at[k][m], near[k] < morning ? inMorning[m] : inAfternoon[m]);
            }
            model.addLessOrEqual(LinearExpr.sum(own), 1);
            // placed = morning + afternoon, at most one
            model.addLessOrEqual(LinearExpr.sum(new Literal[] {inMorning[m], inAfternoon[m]}), 1);
            if (all) {
                model.addBoolOr(new Literal[] {inMorning[m], inAfternoon[m]});
            } else {
                placedLits.add(inMorning[m]);
                placedLits.add(inAfternoon[m]);
            }
        }
        if (!all) {
            model.addGreaterOrEqual(LinearExpr.sum(placedLits.toArray(Literal[]::new)), placed);
        }
        int[] tables = analysis.tables;
        int morningTables = 0;
        int afternoonTables = 0;
        for (int s = 0; s < slots; s++) {
            if (s < morning) {
                morningTables += Math.max(0, tables[s]);
            } else {
                afternoonTables += Math.max(0, tables[s]);
            }
        }
        model.addLessOrEqual(LinearExpr.sum(inMorning), morningTables);
        model.addLessOrEqual(LinearExpr.sum(inAfternoon), afternoonTables);
        for (int k = 0; k < near.length; k++) {
            model.addLessOrEqual(LinearExpr.sum(at[k]), Math.max(0, tables[near[k]]));
        }
        List<IntVar> breaks = new ArrayList<>();
        for (int p = 0; p < problem.participants(); p++) {
            int[] own = analysis.meetingsOf[p];
            if (own.length == 0) {
                continue;
            }
            java.util.BitSet free = analysis.freeSlots(p);
            Literal[] mo = new Literal[own.length];
            Literal[] af = new Literal[own.length];
            Literal[][] busy = new Literal[near.length][own.length];
            for (int i = 0; i < own.length; i++) {
                mo[i] = inMorning[own[i]];
                af[i] = inAfternoon[own[i]];
                for (int k = 0; k < near.length; k++) {
                    busy[k][i] = at[k][own[i]];
                }
            }
            model.addLessOrEqual(LinearExpr.sum(mo), free.get(0, morning).cardinality());
            model.addLessOrEqual(LinearExpr.sum(af), free.get(morning, slots).cardinality());
            for (int k = 0; k < near.length; k++) {
                model.addLessOrEqual(LinearExpr.sum(busy[k]), 1);
            }
            if (own.length < 2 || !minimise) {
                continue;
            }
            BoolVar meetsMorning = model.newBoolVar("meetsMorning" + p);
            BoolVar meetsAfternoon = model.newBoolVar("meetsAfternoon" + p);
            for (int i = 0; i < own.length; i++) {
                model.addImplication(mo[i], meetsMorning);
                model.addImplication(af[i], meetsAfternoon);
            }
            // straddles: meets in both halves without a break, so in one run of busy slots across the boundary
            BoolVar straddles = model.newBoolVar("straddles" + p);
            int runBefore = 0;
            for (int s = morning - 1; s >= 0 && free.get(s); s--) {
                runBefore++;
            }
            int runAfter = 0;
            for (int s = morning; s < slots && free.get(s); s++) {
                runAfter++;
            }
            model.addLessOrEqual(LinearExpr.sum(mo), runBefore).onlyEnforceIf(straddles);
            model.addLessOrEqual(LinearExpr.sum(af), runAfter).onlyEnforceIf(straddles);
            run(model, busy, 0, before, mo, straddles);
            run(model, busy, before, after, af, straddles);
            // both halves and not straddling: at least one break
            IntVar b = model.newIntVar(all ? analysis.minBreaks(p) : 0, own.length, "breaks" + p);
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(b).add(straddles).addTerm(meetsMorning, -1)
                    .addTerm(meetsAfternoon, -1), -1);
            breaks.add(b);
        }
        if (minimise && breaks.isEmpty()) {
            return 0;
        }
        if (minimise) {
            model.minimize(LinearExpr.sum(breaks.toArray(IntVar[]::new)));
        }
        CpSolver solver = new CpSolver();
        // linearization level 2: with CP-SAT's default (1) the bound on forum-13.tables8 stayed at 0 for 30 s
        // (3 workers); with 2 the optimum of the relaxation, 17, is proved in 0.6-0.9 s
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(1).setLinearizationLevel(2);
        CpSolverStatus status = solver.solve(model);
        if (status == CpSolverStatus.INFEASIBLE) {
            return PROVED_INCOMPLETE;
        }
        if (!minimise || status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return 0;
        }
        return Math.max(0, (int) Math.ceil(solver.bestObjectiveBound() - 1e-6));
    }

    /**
     * A straddling participant's side of the boundary: busy in the slot next to it ({@code busy[from]}), busy in a
     * slot only when busy in the one between it and the boundary, and when not busy in the farthest slot modelled,
     * its meetings of that half are exactly the busy slots modelled.
     */
    private static void run(CpModel model, Literal[][] busy, int from, int count, Literal[] half,
            BoolVar straddles) {
        if (count == 0) {
            model.addEquality(straddles, 0);
            return;
        }
        model.addBoolOr(busy[from]).onlyEnforceIf(straddles);
        for (int j = 1; j < count; j++) {
            model.addGreaterOrEqual(LinearExpr.newBuilder().addSum(busy[from + j - 1]).addWeightedSum(busy[from + j],
                    minusOnes(busy[from + j].length)), 0).onlyEnforceIf(straddles);
        }
        LinearExprBuilder modelled = LinearExpr.newBuilder().addSum(half);
        for (int j = 0; j < count; j++) {
            modelled.addWeightedSum(busy[from + j], minusOnes(busy[from + j].length));
        }
        modelled.addWeightedSum(busy[from + count - 1], fill(busy[from + count - 1].length, -half.length));
        model.addLessOrEqual(modelled, 0).onlyEnforceIf(straddles);
    }

    private static long[] minusOnes(int length) {
        return fill(length, -1);
    }

    private static long[] fill(int length, long value) {
        long[] values = new long[length];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
