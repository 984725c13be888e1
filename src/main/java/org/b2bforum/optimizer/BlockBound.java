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
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A lower bound on the total breaks from the day cut into blocks of slots (issue 15, seventeenth round): each
 * meeting goes to a block, each block seats its tables' worth of meetings and each participant at most its free slots
 * there; at each cut the last slot before and the first slot after are modelled exactly (which meetings take them).
 *
 * <p>Why it is a lower bound. For a participant, a <em>gap</em> is a run of blocks without any of its meetings
 * between blocks with some: the slots of those blocks are a hole in its day, so a break. A <em>broken cut</em> is a
 * cut between two blocks that both hold one of its meetings, where it is idle in the slot just before or just after
 * the cut: the hole containing that idle slot lies between its meeting in the block before and its meeting in the
 * block after, so inside the two blocks, and touches the cut. Two broken cuts never share a hole (a hole touching two
 * cuts and lying in both pairs of blocks would be the whole block between them, which holds one of its meetings), and
 * a gap's hole covers a whole block, which no broken cut's hole does. At the lunch cut one more: a participant busy
 * in both slots around it (so no broken cut there) with more meetings in the block before than the run of its free
 * slots ending at the cut (within that block) met in that block before a slot it cannot take, so has a hole strictly
 * inside the block, after one of its meetings there and before the busy last slot: it touches no cut and covers no
 * whole block, so it is none of the holes above; the same for the block after lunch, a different hole. So breaks
 * &ge; gaps + broken cuts + these inner holes for every participant of every schedule, and each schedule gives a
 * solution of the model below with that count (and, with every meeting placed, each participant's own bound
 * {@link ProblemAnalysis#minBreaks}): its minimum is a lower bound on the breaks of every schedule placing at least
 * that many meetings. Precedences, fairness and the slots inside the blocks are left out, which only lowers it. With
 * one cut at lunch this is {@link LunchBound}'s argument (whose free-run rule takes the whole half); with every slot a
 * block it is the full model without precedences and fairness.
 *
 * <p>Where it helps: forum-13.tables8 with its 152 meetings (the most that fit), 18 with blocks cut at lunch and
 * three slots after it, where {@link LunchBound} proves 17 (best known 21). The morning's packing, cut into blocks the
 * same way, adds nothing there (16 without the free-run rule, as with lunch alone) and is slow to prove, so the morning
 * stays one block. {@code BlockBoundTest} checks it against brute force on small days with random cuts.
 */
final class BlockBound {

    /**
     * Slots after lunch in the block that follows it. Measured on forum-13.tables8 (152 placed, 1 worker; bench/README,
     * issue 15 seventeenth round): cuts at lunch and 2 or 3 slots after it give 18 (1.4-1.5 CPU s for 3), lunch alone
     * 17, lunch and 4 after 17; a cut in the morning (13 slots, nearly full) left the bound at 4-16 for 40-60 s.
     */
    static final int AFTER_LUNCH = 3;

    private BlockBound() {
    }

    /**
     * The bound for blocks cut at lunch and {@link #AFTER_LUNCH} slots after it, for every schedule placing at least
     * {@code placed} meetings; 0 without a lunch boundary, when nothing was proved within {@code seconds} (which
     * include building the model) or when no schedule places that many.
     */
    static int of(ProblemAnalysis analysis, int placed, double seconds) {
        return of(analysis, placed, seconds, CpSatScheduler.Clock.unstopped());
    }

    /** As above, ending with what it proved by then (0 before its solve) at a stop of {@code clock}. */
    static int of(ProblemAnalysis analysis, int placed, double seconds, CpSatScheduler.Clock clock) {
        int morning = analysis.problem.morningSlots();
        if (morning <= 0 || morning >= analysis.slots) {
            return 0;
        }
        int[] cuts = morning + AFTER_LUNCH < analysis.slots ? new int[] {morning, morning + AFTER_LUNCH}
                : new int[] {morning};
        return Math.max(0, of(analysis, placed, cuts, seconds, clock));
    }

    /**
     * The proved lower bound on the breaks of every schedule placing at least {@code placed} meetings, for blocks
     * starting at {@code cuts} (ascending, inside 1..slots-1); 0 when nothing was proved within {@code seconds},
     * -1 when no schedule places that many. One CP-SAT worker, linearization level 2 (as {@link LunchBound}).
     */
    static int of(ProblemAnalysis analysis, int placed, int[] cuts, double seconds) {
        return of(analysis, placed, cuts, seconds, CpSatScheduler.Clock.unstopped());
    }

    /** As above, ending with what it proved by then (0 before its solve) at a stop of {@code clock}. */
    static int of(ProblemAnalysis analysis, int placed, int[] cuts, double seconds, CpSatScheduler.Clock clock) {
        long started = System.nanoTime();
        int slots = analysis.slots;
        int n = analysis.meetingCount();
        if (seconds < 0.01 || placed <= 0 || cuts.length == 0) {
            return 0;
        }
        int[] starts = new int[cuts.length + 1];
        System.arraycopy(cuts, 0, starts, 1, cuts.length);
        int blocks = starts.length;
        int[] blockOf = new int[slots];
        for (int b = 0; b < blocks; b++) {
            int end = b + 1 < blocks ? starts[b + 1] : slots;
            Arrays.fill(blockOf, starts[b], end, b);
        }
        boolean all = placed >= n;
        CpSatScheduler.loadNatives();
        CpModel model = new CpModel();
        // per meeting and block: placed there
        BoolVar[][] in = new BoolVar[n][blocks];
        // per meeting and cut slot (the slots on either side of each cut): placed in that slot
        int[] edge = edgeSlots(cuts);
        BoolVar[][] at = new BoolVar[n][edge.length];
        List<Literal> placedLits = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            if (clock.stopped()) {
                return 0; // a forum day's building went on 1.3-1.4 s after a stop (load 22-35)
            }
            boolean[] blockAllowed = new boolean[blocks];
            for (int s : analysis.allowed[m]) {
                blockAllowed[blockOf[s]] = true;
            }
            for (int b = 0; b < blocks; b++) {
                in[m][b] = model.newBoolVar("in" + m + "_" + b);
                if (!blockAllowed[b]) {
                    model.addEquality(in[m][b], 0);
                }
                placedLits.add(in[m][b]);
            }
            model.addAtMostOne(in[m]);
            if (all) {
                model.addExactlyOne(in[m]);
            }
            for (int k = 0; k < edge.length; k++) {
                at[m][k] = model.newBoolVar("at" + m + "_" + edge[k]);
                if (Arrays.binarySearch(analysis.allowed[m], edge[k]) < 0) {
                    model.addEquality(at[m][k], 0);
                }
                model.addImplication(at[m][k], in[m][blockOf[edge[k]]]);
            }
            model.addAtMostOne(at[m]);
        }
        if (!all) {
            model.addGreaterOrEqual(LinearExpr.sum(placedLits.toArray(Literal[]::new)), placed);
        }
        for (int b = 0; b < blocks; b++) {
            int end = b + 1 < blocks ? starts[b + 1] : slots;
            int seats = 0;
            for (int s = starts[b]; s < end; s++) {
                seats += Math.max(0, analysis.tables[s]);
            }
            model.addLessOrEqual(LinearExpr.sum(column(in, b)), seats);
        }
        for (int k = 0; k < edge.length; k++) {
            model.addLessOrEqual(LinearExpr.sum(column(at, k)), Math.max(0, analysis.tables[edge[k]]));
        }
        List<IntVar> breaks = new ArrayList<>();
        for (int p = 0; p < analysis.problem.participants(); p++) {
            if (clock.stopped()) {
                return 0; // a forum day's building went on 1.3-1.4 s after a stop (load 22-35)
            }
            int[] own = analysis.meetingsOf[p];
            if (own.length == 0) {
                continue;
            }
            BitSet free = analysis.freeSlots(p);
            BoolVar[] uses = new BoolVar[blocks];
            for (int b = 0; b < blocks; b++) {
                int end = b + 1 < blocks ? starts[b + 1] : slots;
                Literal[] mine = new Literal[own.length];
                for (int i = 0; i < own.length; i++) {
                    mine[i] = in[own[i]][b];
                }
                model.addLessOrEqual(LinearExpr.sum(mine), free.get(starts[b], end).cardinality());
                uses[b] = model.newBoolVar("uses" + p + "_" + b);
                for (Literal l : mine) {
                    model.addImplication(l, uses[b]);
                }
                model.addLessOrEqual(uses[b], LinearExpr.sum(mine));
            }
            Literal[][] busy = new Literal[edge.length][];
            for (int k = 0; k < edge.length; k++) {
                busy[k] = new Literal[own.length];
                for (int i = 0; i < own.length; i++) {
                    busy[k][i] = at[own[i]][k];
                }
                model.addLessOrEqual(LinearExpr.sum(busy[k]), 1);
            }
            if (own.length < 2) {
                continue;
            }
            LinearExprBuilder count = LinearExpr.newBuilder();
            // gaps: a used block, then an unused one, with a used block later
            for (int b = 1; b < blocks; b++) {
                BoolVar later = model.newBoolVar("later" + p + "_" + b);
                for (int c = b + 1; c < blocks; c++) {
                    model.addImplication(uses[c], later);
                }
                BoolVar gap = model.newBoolVar("gap" + p + "_" + b);
                // gap >= uses[b-1] - uses[b] + later - 1
                model.addGreaterOrEqual(LinearExpr.newBuilder().add(gap).addTerm(uses[b - 1], -1).add(uses[b])
                        .addTerm(later, -1), -1);
                count.add(gap);
            }
            // broken cuts: both blocks used, idle just before or just after the cut
            for (int c = 0; c < cuts.length; c++) {
                int before = Arrays.binarySearch(edge, cuts[c] - 1);
                int after = Arrays.binarySearch(edge, cuts[c]);
                BoolVar joined = model.newBoolVar("joined" + p + "_" + c);
                model.addLessOrEqual(joined, LinearExpr.sum(busy[before]));
                model.addLessOrEqual(joined, LinearExpr.sum(busy[after]));
                BoolVar broken = model.newBoolVar("broken" + p + "_" + c);
                // broken >= uses[c] + uses[c+1] - 1 - joined
                model.addGreaterOrEqual(LinearExpr.newBuilder().add(broken).addTerm(uses[c], -1)
                        .addTerm(uses[c + 1], -1).add(joined), -1);
                count.add(broken);
                if (cuts[c] == analysis.problem.morningSlots()) {
                    // joined at lunch with more meetings in the block before (after) than the free run ending
                    // (starting) at the cut: a hole inside that block, touching no cut
                    int startBefore = starts[c];
                    int endAfter = c + 2 < blocks ? starts[c + 2] : slots;
                    int runBefore = 0;
                    for (int s = cuts[c] - 1; s >= startBefore && free.get(s); s--) {
                        runBefore++;
                    }
                    int runAfter = 0;
                    for (int s = cuts[c]; s < endAfter && free.get(s); s++) {
                        runAfter++;
                    }
                    count.add(inside(model, own, in, c, runBefore, joined, "before" + p));
                    count.add(inside(model, own, in, c + 1, runAfter, joined, "after" + p));
                }
            }
            IntVar b = model.newIntVar(all ? analysis.minBreaks(p) : 0, own.length, "breaks" + p);
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(b).addTerm(count.build(), -1), 0);
            breaks.add(b);
        }
        if (breaks.isEmpty()) {
            return 0;
        }
        model.minimize(LinearExpr.sum(breaks.toArray(IntVar[]::new)));
        double left = seconds - (System.nanoTime() - started) / 1e9;
        if (left < 0.01 || clock.stopped()) {
            return 0;
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(left).setNumWorkers(1).setLinearizationLevel(2);
        CpSolverStatus status = CpSatScheduler.solve(solver, model, clock);
        if (status == CpSolverStatus.INFEASIBLE) {
            return -1;
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return 0;
        }
        return Math.max(0, (int) Math.ceil(solver.bestObjectiveBound() - 1e-6));
    }

    /** 1 when joined and the participant's meetings in the block exceed the run: a hole inside the block. */
    private static BoolVar inside(CpModel model, int[] own, BoolVar[][] in, int block, int run, BoolVar joined,
            String name) {
        Literal[] mine = new Literal[own.length];
        for (int i = 0; i < own.length; i++) {
            mine[i] = in[own[i]][block];
        }
        BoolVar over = model.newBoolVar("over" + name);
        // sum - run <= own.length * over
        model.addLessOrEqual(LinearExpr.newBuilder().addSum(mine).addTerm(over, -own.length).build(), run);
        BoolVar hole = model.newBoolVar("hole" + name);
        model.addGreaterOrEqual(LinearExpr.newBuilder().add(hole).addTerm(joined, -1).addTerm(over, -1).build(), -1);
        return hole;
    }

    /** The slots on either side of each cut, ascending, each once. */
    static int[] edgeSlots(int[] cuts) {
        return Arrays.stream(cuts).flatMap(c -> IntStream.of(c - 1, c)).distinct().sorted()
                .toArray();
    }

    private static Literal[] column(BoolVar[][] vars, int k) {
        Literal[] col = new Literal[vars.length];
        for (int m = 0; m < vars.length; m++) {
            col[m] = vars[m][k];
        }
        return col;
    }
}
