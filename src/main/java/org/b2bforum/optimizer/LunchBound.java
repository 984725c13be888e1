package org.b2bforum.optimizer;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>The relaxation, solved by CP-SAT (small: two literals per meeting plus one per meeting and boundary slot, three
 * per participant): per meeting whether it is placed (at least as many as the schedule places) and in which half (only
 * halves with one of its allowed slots); per half at most its tables' worth of meetings, per participant at most its
 * free slots there; per boundary slot (the last of the morning, the first of the afternoon) which meetings take it, at
 * most its tables, at most one per participant; a participant "straddles" (meets in both halves without a break) only
 * when it meets in both boundary slots and its meetings of each half fit the run of free slots that ends (starts)
 * there; everyone else in both halves counts one break. When every meeting is placed, each participant's own bound
 * ({@link ProblemAnalysis#minBreaks}) holds too. Every schedule gives a solution of the relaxation whose count is at
 * most its breaks (precedences, fairness and the other slots are left out, which only lowers the minimum), so the
 * relaxation's proved lower bound is a lower bound on the day's breaks. {@code LunchBoundTest} checks it against the
 * brute-force optimum of small days.
 */
final class LunchBound {

    // One slot is modelled on each side of the boundary. Modelling 2, 3 or 5 slots on each side gave
    // forum-13.tables8 the same bound (17) in 1.0 s, more than 10 s and 5.5 s, against 0.28-0.89 s for one
    // (bench/README, issue 15 tenth round); that code was dropped.

    private static final Logger log = LoggerFactory.getLogger(LunchBound.class);

    /** {@link #solve}'s answer when the relaxation is infeasible. */
    private static final int PROVED_INCOMPLETE = -1;

    private LunchBound() {
    }

    /**
     * A lower bound on the total breaks of every schedule that places at least {@code placed} meetings (0 when the
     * day has no lunch boundary, when no bound was proved within {@code seconds}, or when no schedule places that
     * many). {@code seconds} includes building the model.
     */
    static int of(ProblemAnalysis analysis, int placed, double seconds) {
        return of(analysis, placed, seconds, CpSatScheduler.Clock.unstopped());
    }

    /** As above, ending with what it proved by then (0 before its solve) at a stop of {@code clock}. */
    static int of(ProblemAnalysis analysis, int placed, double seconds, CpSatScheduler.Clock clock) {
        int bound = solve(analysis, placed, seconds, true, clock);
        if (bound == PROVED_INCOMPLETE) {
            // the caller's count comes from a schedule found, so the relaxation cannot be infeasible for it
            log.warn("lunch bound: the relaxation is infeasible for {} of {} meetings placed; no bound used", placed,
                    analysis.meetingCount());
            return 0;
        }
        return bound;
    }

    /**
     * Whether the relaxation shows that not every meeting can be placed (the halves' tables and the participants'
     * free slots in each half cannot take them all): forum-13.tables8 in about 0.1 s, where "a schedule with every
     * meeting?" took CP-SAT 1-5 s of a 10 s build to refute. False when it does not (or no time or no lunch).
     */
    static boolean provedIncomplete(ProblemAnalysis analysis, double seconds) {
        return provedIncomplete(analysis, seconds, CpSatScheduler.Clock.unstopped());
    }

    /** As above, false at a stop of {@code clock} before it proved it. */
    static boolean provedIncomplete(ProblemAnalysis analysis, double seconds, CpSatScheduler.Clock clock) {
        return solve(analysis, analysis.meetingCount(), seconds, false, clock) == PROVED_INCOMPLETE;
    }

    /**
     * The relaxation's proved lower bound (or 0), {@link #PROVED_INCOMPLETE} when it is infeasible; without
     * {@code minimise} only whether it is feasible. A stop of {@code clock} ends the solve (its bound so far holds).
     */
    private static int solve(ProblemAnalysis analysis, int placed, double seconds, boolean minimise,
            CpSatScheduler.Clock clock) {
        long started = System.nanoTime();
        SchedulingProblem problem = analysis.problem;
        int slots = analysis.slots;
        int morning = problem.morningSlots();
        int n = analysis.meetingCount();
        if (morning <= 0 || morning >= slots || seconds < 0.01 || placed <= 0) {
            return 0;
        }
        CpSatScheduler.loadNatives();
        boolean all = placed >= n;
        // the boundary slots, the last of the morning and the first of the afternoon: only for the breaks (the
        // feasibility check needs just the halves)
        int[] near = minimise ? new int[] {morning - 1, morning} : new int[0];
        CpModel model = new CpModel();
        BoolVar[] inMorning = new BoolVar[n];
        BoolVar[] inAfternoon = new BoolVar[n];
        BoolVar[][] at = new BoolVar[near.length][n];
        List<Literal> placedLits = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            if (clock.stopped()) {
                return 0; // a forum day's building went on 1.3-1.4 s after a stop (load 22-35)
            }
            BitSet allowed = new BitSet(slots);
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
            Literal[] boundarySlots = new Literal[near.length];
            for (int k = 0; k < near.length; k++) {
                at[k][m] = model.newBoolVar("at" + near[k] + "_" + m);
                boundarySlots[k] = at[k][m];
                if (!allowed.get(near[k])) {
                    model.addEquality(at[k][m], 0);
                }
                model.addImplication(at[k][m], near[k] < morning ? inMorning[m] : inAfternoon[m]);
            }
            model.addLessOrEqual(LinearExpr.sum(boundarySlots), 1);
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
            if (clock.stopped()) {
                return 0; // a forum day's building went on 1.3-1.4 s after a stop (load 22-35)
            }
            int[] own = analysis.meetingsOf[p];
            if (own.length == 0) {
                continue;
            }
            BitSet free = analysis.freeSlots(p);
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
            busyOnBothBoundarySlots(model, busy, straddles);
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
        // (3 workers); with 2 the optimum of the relaxation, 17, was proved in 0.28-0.89 s (bench/README)
        double left = seconds - (System.nanoTime() - started) / 1e9;
        if (left < 0.01 || clock.stopped()) {
            return 0;
        }
        solver.getParameters().setMaxTimeInSeconds(left).setNumWorkers(1).setLinearizationLevel(2);
        CpSolverStatus status = CpSatScheduler.solve(solver, model, clock);
        if (status == CpSolverStatus.INFEASIBLE) {
            return PROVED_INCOMPLETE;
        }
        if (!minimise || status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return 0;
        }
        return Math.max(0, (int) Math.ceil(solver.bestObjectiveBound() - 1e-6));
    }

    /** A straddling participant is busy in both boundary slots. */
    private static void busyOnBothBoundarySlots(CpModel model, Literal[][] busy, BoolVar straddles) {
        for (Literal[] slot : busy) {
            model.addBoolOr(slot).onlyEnforceIf(straddles);
        }
    }
}
