package org.b2bforum.optimizer;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimiser: OR-Tools CP-SAT on the model described in the package documentation.
 *
 * <p>Thread-safe: every call builds its own model and solver; the native library is loaded once.
 *
 * <p>A little over our usual length on purpose: the search's stages (the level questions, the suspects, the
 * optimisation, the placement when not everything fits) hand each other the clock, the floor and the rising
 * lower bound, and are read top to bottom in {@code search}; the model itself is {@link CpSatModel}.
 */
public final class CpSatScheduler implements Scheduler {

    /**
     * Solver settings.
     *
     * @param workers     CP-SAT search workers (its portfolio); more than the cores pays off, see the package doc
     * @param hint        start from the {@link FirstFit} placement
     * @param windows     add the redundant "no break = one window of consecutive slots" constraints
     * @param log         print CP-SAT's search log to standard error
     * @param randomSeed  CP-SAT's random seed
     * @param stallShare  the share of the fewest breaks' time (when not every meeting fits) after which a solve that
     *                    has found nothing better than its hint gives the rest to a second row search
     */
    public record Options(int workers, boolean hint, boolean windows, boolean log, int randomSeed, int levels,
            double levelShare, double stallShare) {

        /** As the canonical constructor, with the default {@link #STALL_SHARE}. */
        public Options(int workers, boolean hint, boolean windows, boolean log, int randomSeed, int levels,
                double levelShare) {
            this(workers, hint, windows, log, randomSeed, levels, levelShare, STALL_SHARE);
        }

        /**
         * One worker per core and one more (3 to 8), hint, windows, no log, seed 1, levels 0..3, levels within
         * 85% of the time. Measured on 2 cores, quiet machine: 3 workers solved all ten benchmark instances to
         * their optimum in every run; 2 missed forumt-14 once; 4 missed ticf-13crafc in half the runs and 8
         * (time-sliced) in most.
         */
        public static final Options DEFAULT = new Options(
                Math.clamp(Runtime.getRuntime().availableProcessors() + 1, 3, 8), true, true, false, 1, 3, 0.85);

        public Options {
            if (workers < 1) {
                throw new IllegalArgumentException("At least one worker");
            }
            if (levelShare < 0 || levelShare > 1) {
                throw new IllegalArgumentException("levelShare is a fraction of the time limit");
            }
            if (stallShare < 0 || stallShare > 1) {
                throw new IllegalArgumentException("stallShare is a fraction of the fewest breaks' time");
            }
        }

        public Options withWorkers(int count) {
            return new Options(count, hint, windows, log, randomSeed, levels, levelShare, stallShare);
        }

        public Options withLog(boolean on) {
            return new Options(workers, hint, windows, on, randomSeed, levels, levelShare, stallShare);
        }

        public Options withStallShare(double share) {
            return new Options(workers, hint, windows, log, randomSeed, levels, levelShare, share);
        }
    }

    /** Participants allowed breaks in the first try for a starting schedule when no level answered. */
    private static final int STARTING_SUSPECTS = 12;

    /** Suspects with a pinned day asked before the unrestricted level-1 attempt. */
    private static final int PINNED_FIRST = 3;

    /** The time share of a level question two or more above the participants' summed bound. */
    private static final double HIGH_LEVEL_SHARE = 0.1;

    /** The start's local search's share of the time limit, at most so many seconds. */
    private static final double LOCAL_SEARCH_SHARE = 0.12;
    private static final double LOCAL_SEARCH_SECONDS = 1.5;

    /**
     * The annealing's steps before the row search takes over (see {@link #polish}): 3.5-6 million steps take a
     * second of CPU on the crafted days, and the annealing thread gets about half a core beside CP-SAT's workers.
     */
    private static final long ANNEALING_STEPS_BEFORE_ROWS = 2_000_000L;

    /**
     * At most so many annealing steps per meeting (the days of 100 meetings and more keep their 2 million): on a
     * small day the annealing is done after a few thousand, and where not every meeting fits the build waits for it
     * (0.24 s of a 2 s limit, 1.5 s of the product's 20 s, on a day of three meetings).
     */
    private static final long ANNEALING_STEPS_PER_MEETING = 20_000L;

    /** The share of the time limit for asking early how many meetings fit at all (the annealing left some out). */
    private static final double PLACEMENT_SHARE = 0.1;

    /** The share of the time limit for each question above an unanswered level. */
    private static final double ABOVE_SHARE = 0.25;

    /**
     * The fewest breaks' solve when not every meeting fits is first given this share of its time: when it has found
     * nothing better than its hint by then, a second row search takes the rest (see {@link #minimiseBesideRows}).
     */
    static final double STALL_SHARE = 0.15;

    /**
     * Left after the core-based question just above the participants' bound, for the row search's end and the
     * tables: the optimisation after it is not built then ({@link #MIN_SOLVE_SECONDS}).
     */
    private static final double CORE_FINISH_SECONDS = 0.25;

    /** Less time than this left: the optimisation model is not built any more. */
    private static final double MIN_SOLVE_SECONDS = 0.3;

    /** At most this long for {@link LunchBound#provedIncomplete} before the levels (0.1 s on forum-13.tables8). */
    private static final double LUNCH_CHECK_SECONDS = 0.5;

    /**
     * At most this share of the limit for {@link LunchBound} and then {@link BlockBound} when not every meeting fits,
     * and at most {@link #LUNCH_BOUND_SECONDS}: forum-13.tables8 needed 0.28-0.89 s at load 8-14 for the first
     * (bench/README, issue 15 tenth round; with 10 % of 10 s it reached 15 of 17 at load 8 and nothing at load 16) and
     * 1.4-1.5 CPU s more for the second (18; seventeenth round).
     */
    private static final double LUNCH_BOUND_SHARE = 0.2;

    /** At most this long for the lunch bounds (see {@link #LUNCH_BOUND_SHARE}), whatever the limit. */
    private static final double LUNCH_BOUND_SECONDS = 3;

    private static final Logger log = LoggerFactory.getLogger(CpSatScheduler.class);

    /**
     * A model's building is waited for until the answer's time ({@link Clock#answerBy}) or this long, whichever is
     * later (see {@link #built}).
     */
    private static final double BUILD_GRACE_SECONDS = 0.05;

    /** Time kept back from the solver for building the model's answer (tables, counts). */
    private static final double MARGIN_SECONDS = 0.5;

    /** How often a build's stop is asked ({@link #solve(SchedulingProblem, Duration, ProgressListener,
     * ScheduleResult, BooleanSupplier)}). */
    static final long STOP_POLL_MILLIS = 100;

    private static volatile boolean nativesLoaded;

    /** This JVM's loading of the native library ({@link #loadNatives}), the default of {@link #natives}. */
    private static final Runnable LOAD_NATIVES = CpSatScheduler::loadNatives;

    private final Options options;

    /** Loads the native library before CP-SAT's first use: {@link #LOAD_NATIVES}, or a test's stand-in. */
    private final Runnable natives;

    public CpSatScheduler() {
        this(Options.DEFAULT);
    }

    public CpSatScheduler(Options options) {
        this(options, LOAD_NATIVES);
    }

    /** With {@code natives} run (in a thread of its own) instead of loading OR-Tools' native library. */
    CpSatScheduler(Options options, Runnable natives) {
        this.options = options;
        this.natives = natives;
    }

    /** Whether {@link #loadNatives} has run in this JVM. */
    static boolean nativesLoaded() {
        return nativesLoaded;
    }

    /** Loads the OR-Tools native libraries once per JVM; safe to call from any thread. */
    public static void loadNatives() {
        if (!nativesLoaded) {
            synchronized (CpSatScheduler.class) {
                if (!nativesLoaded) {
                    Loader.loadNativeLibraries();
                    nativesLoaded = true;
                }
            }
        }
    }

    /**
     * Loads the native library and runs the search once on a made-up day ({@link SchedulerWarmUp}); once per JVM,
     * later calls return at once.
     */
    @Override
    public void warmUp() {
        try {
            SchedulerWarmUp.runOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress) {
        return solve(problem, timeLimit, progress, null);
    }

    /**
     * The progress of one build as its user sees it: the floor, the solver's schedules and the local search's, from
     * two threads, passed on only when better than the last (more placed, or as many with fewer breaks), each with the
     * best bound heard so far.
     */
    static final class BestSoFar implements ProgressListener {

        private final ProgressListener to;
        private int placed = -1;
        private int breaks = Integer.MAX_VALUE;
        private int bound;

        BestSoFar(ProgressListener to) {
            this.to = to;
        }

        @Override
        public synchronized void improved(int placed, int totalBreaks, int lowerBound, double seconds) {
            bound = Math.max(bound, lowerBound);
            if (placed > this.placed || placed == this.placed && totalBreaks < breaks) {
                this.placed = placed;
                breaks = totalBreaks;
                to.improved(placed, totalBreaks, Math.min(totalBreaks, bound), seconds);
            }
        }
    }

    /** As {@link #solve(SchedulingProblem, Duration, ProgressListener)}; {@code from}, when better, is the floor. */
    @Override
    public ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress,
            ScheduleResult from) {
        return solve(problem, timeLimit, progress, from, NOT_STOPPED);
    }

    /**
     * As above, ending within about a second once {@code stop} says so (asked every {@link #STOP_POLL_MILLIS} ms by a
     * thread of its own, none when it is {@link Scheduler#NOT_STOPPED}): the clock's time is then up (every later
     * part of the search gets none, the waits end), CP-SAT's workers stop their search (the lunch boundary's bounds'
     * too), a model being built stops being built ({@link #built}), and the local searches their loops at their next
     * check.
     */
    @Override
    public ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress,
            ScheduleResult from, BooleanSupplier stop) {
        long started = System.nanoTime();
        Clock clock = new Clock(started, timeLimit);
        AtomicBoolean solving = new AtomicBoolean(true);
        if (stop != NOT_STOPPED) {
            Thread.ofPlatform().daemon().name("scheduler-stop").start(() -> watch(stop, clock, solving));
        }
        try {
            return solve(problem, timeLimit, progress, from, clock);
        } finally {
            solving.set(false);
        }
    }

    /**
     * Asks {@code stop} while the solve runs; once it says so, stops {@code clock} at each ask till the solve ends and,
     * stopped, till no solver of it searches any more: a solver told to stop before its search began did not hear it
     * (OR-Tools' {@code CpSolver.stopSearch} is lost before {@code solve} has made its native search), and one
     * registered just before the build answered (a bound's, left to end unused) ran on for its own limit.
     */
    static void watch(BooleanSupplier stop, Clock clock, AtomicBoolean solving) {
        try {
            while (solving.get() || clock.stopped() && clock.searching()) {
                if (clock.stopped() || stop.getAsBoolean()) {
                    clock.stop();
                }
                Thread.sleep(STOP_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("A build's stop could not be asked; it runs to its time limit", e);
        }
    }

    private ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress,
            ScheduleResult from, Clock clock) {
        long started = clock.started;
        ProgressListener listener = progress == null ? ProgressListener.NONE : new BestSoFar(progress);
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        int n = analysis.meetingCount();
        if (n == 0) {
            return result(analysis, new int[0], List.of(), 0, true, started);
        }
        // In a JVM that has not loaded OR-Tools' native library yet (no warm-up, or a build asked during it), it is
        // loaded beside the floor and the start's local search, which need none, and waited for until the answer's
        // time at most: loading it took 0.85 CPU seconds, 5.5 s of wall time beside three busy loops at load 20, all
        // of it inside a 2 s build (10.5 s in all). Not loaded by then, the local search's schedule is the answer.
        FutureTask<Boolean> loading = natives == LOAD_NATIVES && nativesLoaded ? null : new FutureTask<>(() -> {
            natives.run();
            return true;
        });
        if (loading != null) {
            Thread.ofPlatform().daemon().name("scheduler-natives").start(loading);
        }
        // The floor: whatever the solver does within the limit and the machine's load, the answer is never
        // worse than this instant placement (first-fit in list order or most constrained first, improved).
        // Its improvement converges in 0.01-0.3 s on the benchmark; 50 ms make it fair on all ten.
        int[] floor = floor(analysis, Math.min(0.3, Math.max(0.05, timeLimit.toNanos() / 1e9 * 0.05)));
        if (from != null) {
            floor = betterStart(analysis, floor, from);
        }
        ScheduleResult initial = result(analysis, FairPart.of(analysis, floor), List.of(), 0, false, started);
        listener.improved(initial.placements().size(), initial.totalBreaks(), initial.lowerBound(), clock.elapsed());
        // Beside the solver's first questions, a local search anneals the floor (see LocalSearch). In its own
        // thread, so that a day the first levels answer quickly loses little to it.
        AtomicBoolean stop = new AtomicBoolean();
        clock.stops(stop);
        int[] start = floor;
        double polishing = Math.min(LOCAL_SEARCH_SECONDS, clock.total() * LOCAL_SEARCH_SHARE);
        StarvedStart starved = new StarvedStart();
        FutureTask<int[]> annealing = startPolishing(analysis, start, polishing, options.randomSeed(), stop,
                (placed, breaks, bound, seconds) -> listener.improved(placed, breaks, bound, clock.elapsed()), starved);
        Supplier<int[]> annealed = () -> betterOf(analysis, start, annealing);
        // the local search's breaks once it has ended with every meeting placed, fairly; else "none yet"
        IntSupplier localBreaks = () -> annealing.isDone() ? completeBreaks(analysis, annealed.get())
                : Integer.MAX_VALUE;
        ScheduleResult searched;
        try {
            if (loading == null || waitFor(loading, clock.answerBy(), clock) != null) {
                searched = search(analysis, floor, annealed, localBreaks, clock, listener, started, stop::get);
            } else {
                if (options.log()) {
                    System.err.printf("OR-Tools' native library not loaded at %.2f s: the local search answers%n",
                            clock.elapsed());
                }
                searched = lastResort(analysis, FairPart.of(analysis, annealed.get()), 0, started);
            }
        } finally {
            stop.set(true);
        }
        // The fairness bound is a rule of the product: neither the search's answer nor the floor is given out with a
        // gap above d. Both may come from the start's local search, which trades fairness for placed meetings, when
        // the solver had too little CPU to better it (forum-13.tables8 once placed 148 with a gap of 3 at 2 s beside
        // three busy loops); then only their fair part (FairPart) is, and the better of the two.
        searched = fairPart(analysis, searched, started);
        // a starved start went on beside the search (StarvedStart): its best, waited for until the deadline at most
        // where the search's answer left meetings out (after the start's end, which starts it); each by its fair part
        floor = FairPart.of(analysis, annealed.get());
        int[] goneOn = starved.best(searched.unplaced().isEmpty() ? 0 : clock.deadline());
        for (int[] other : goneOn == null ? List.of(start) : List.of(start, goneOn)) {
            int[] fair = FairPart.of(analysis, other);
            if (resultOf(analysis, fair).betterThan(resultOf(analysis, floor), analysis.fairness())) {
                floor = fair;
            }
        }
        if (options.log() && starved.wentOn()) {
            System.err.printf("the starved start went on: %d placed (%d fairly) at %.2f s%n",
                    goneOn == null ? -1 : CpSatModel.placedCount(goneOn),
                    goneOn == null ? -1 : CpSatModel.placedCount(FairPart.of(analysis, goneOn)), clock.elapsed());
        }
        ScheduleResult floorResult = result(analysis, floor, reasons(analysis, floor, false), 0, false, started);
        if (!floorResult.betterThan(searched, analysis.fairness())) {
            return searched;
        }
        int bound = searched.lowerBound();
        boolean complete = floorResult.unplaced().isEmpty();
        return result(analysis, floor, floorResult.unplaced(), bound, complete && floorResult.totalBreaks() <= bound,
                started);
    }

    /** {@code found} when it is fair, else its fair part ({@link FairPart}), with no bound. */
    private ScheduleResult fairPart(ProblemAnalysis analysis, ScheduleResult found, long started) {
        if (found.fairnessGap() <= analysis.fairness()) {
            return found;
        }
        int[] slots = new int[analysis.meetingCount()];
        java.util.Arrays.fill(slots, -1);
        found.placements().forEach(p -> slots[p.meeting()] = p.slot());
        int[] fair = FairPart.of(analysis, slots);
        if (options.log()) {
            // not the logger: bench/run-scheduler's figures go to standard output, and a warning there broke them
            System.err.printf("an answer with a fairness gap of %d above d = %d: %d of its %d meetings left out%n",
                    found.fairnessGap(), analysis.fairness(),
                    CpSatModel.placedCount(slots) - CpSatModel.placedCount(fair), found.placements().size());
        }
        return result(analysis, fair, reasons(analysis, fair, false), 0, false, started);
    }

    /**
     * {@link #polish} in a thread of its own, for at most {@code seconds} or until {@code stop} is set. The one place
     * the start's local search is started from, the build's and {@link SchedulerWarmUp}'s alike: the JIT then
     * compiles it once for both (a stop condition of another class would undo the warm-up's compiled code).
     */
    static FutureTask<int[]> startPolishing(ProblemAnalysis analysis, int[] start, double seconds, long seed,
            AtomicBoolean stop) {
        return startPolishing(analysis, start, seconds, seed, stop, ProgressListener.NONE, StarvedStart.never());
    }

    /**
     * As above; {@code told} hears of each better complete schedule it finds (placed and breaks only), and
     * {@code starved} of the annealing's end (it goes on where the thread was starved).
     */
    static FutureTask<int[]> startPolishing(ProblemAnalysis analysis, int[] start, double seconds, long seed,
            AtomicBoolean stop, ProgressListener told, StarvedStart starved) {
        FutureTask<int[]> task = new FutureTask<>(() -> polish(analysis, start, seconds, ANNEALING_STEPS_BEFORE_ROWS,
                seed, stop::get, told, starved));
        Thread.ofPlatform().daemon().name("scheduler-local-search").start(task);
        return task;
    }

    /**
     * The annealing ({@link LocalSearch}), which places the meetings and makes the schedule fair, for at most
     * {@link #ANNEALING_STEPS_BEFORE_ROWS} steps ({@link #ANNEALING_STEPS_PER_MEETING} a meeting), then for the time
     * left the row search ({@link RowSearch}), which moves a participant's whole day at once and gets further on the
     * breaks where single moves stop. The steps (not a share of the time) decide the hand-over: on a quiet machine the
     * annealing ends after about 60 % of the start's 1.2 s, while on a loaded one it keeps all of it, which it needs
     * there to place every meeting (issue 15, ninth round: with 60 % of the time at load 15, forum-13.tables8's start
     * placed 151 or 149 meetings in 3 of 5).
     */
    static int[] polish(ProblemAnalysis analysis, int[] start, double seconds, long steps, long seed,
            BooleanSupplier stop) {
        return polish(analysis, start, seconds, steps, seed, stop, ProgressListener.NONE);
    }

    /**
     * As above; {@code told} hears of the annealed schedule and of the row search's better ones while they are fair
     * (placed and breaks; the bound 0: the local search knows none).
     */
    static int[] polish(ProblemAnalysis analysis, int[] start, double seconds, long steps, long seed,
            BooleanSupplier stop, ProgressListener told) {
        return polish(analysis, start, seconds, steps, seed, stop, told, StarvedStart.never());
    }

    /** As above; {@code starved} is told of the annealing's end ({@link StarvedStart}: it goes on if starved). */
    static int[] polish(ProblemAnalysis analysis, int[] start, double seconds, long steps, long seed,
            BooleanSupplier stop, ProgressListener told, StarvedStart starved) {
        long begun = System.nanoTime();
        long cpu = StarvedStart.cpuNanos();
        long deadline = begun + (long) (seconds * 1e9);
        long annealing = Math.min(ANNEALING_STEPS_BEFORE_ROWS, ANNEALING_STEPS_PER_MEETING * analysis.meetingCount());
        int[] annealed = LocalSearch.improve(analysis, start, seconds, Math.min(steps, annealing), seed, stop);
        // (stop is not asked here: CpSatSchedulerTest counts its questions)
        starved.ended(analysis, annealed, StarvedStart.cpuNanos() - cpu, (System.nanoTime() - begun) / 1e9, seed);
        ScheduleResult found = resultOf(analysis, annealed);
        int placed = found.placements().size();
        if (found.fairnessGap() <= analysis.fairness()) {
            told.improved(placed, found.totalBreaks(), 0, 0);
        }
        double left = (deadline - System.nanoTime()) / 1e9;
        return left < 0.05 ? annealed : RowSearch.improve(analysis, annealed, left, Long.MAX_VALUE, seed,
                RowSearch.KEMPE_PER_ROW, RowSearch.KEMPE_FOCUS, RowSearch.EXCHANGES_PER_ROW, stop,
                breaks -> told.improved(placed, breaks, 0, 0));
    }

    /** The breaks of a schedule placing every meeting within the fairness bound, else {@link Integer#MAX_VALUE}. */
    static int completeBreaks(ProblemAnalysis analysis, int[] slots) {
        if (CpSatModel.placedCount(slots) < analysis.meetingCount()) {
            return Integer.MAX_VALUE;
        }
        ScheduleResult found = resultOf(analysis, slots);
        return found.fairnessGap() <= analysis.fairness() ? found.totalBreaks() : Integer.MAX_VALUE;
    }

    /** {@code start}'s slots when it is better than the floor (it must answer the same problem). */
    static int[] betterStart(ProblemAnalysis analysis, int[] floor, ScheduleResult start) {
        int[] slots = new int[analysis.meetingCount()];
        java.util.Arrays.fill(slots, -1);
        start.placements().forEach(p -> slots[p.meeting()] = p.slot());
        return resultOf(analysis, slots).betterThan(resultOf(analysis, floor), analysis.fairness()) ? slots
                : floor;
    }

    /** The annealed schedule when it is better than the floor it started from (waits for it). */
    private static int[] betterOf(ProblemAnalysis analysis, int[] floor, FutureTask<int[]> annealing) {
        try {
            int[] found = annealing.get();
            return resultOf(analysis, found).betterThan(resultOf(analysis, floor), analysis.fairness()) ? found
                    : floor;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return floor;
        } catch (ExecutionException e) {
            return floor;
        }
    }

    /**
     * The better of the first-fit baseline ({@link GreedyScheduler}'s order) and {@link FirstFit}'s most
     * constrained first order, each improved by moves and swaps: more meetings placed first, then fair, then
     * fewer breaks.
     */
    static int[] floor(ProblemAnalysis analysis, double seconds) {
        int[] constrainedFirst = FirstFit.improve(analysis, FirstFit.place(analysis), 50, seconds / 2);
        int[] greedy = new int[analysis.meetingCount()];
        java.util.Arrays.fill(greedy, -1);
        new GreedyScheduler().solve(analysis.problem, Duration.ZERO, ProgressListener.NONE).placements()
                .forEach(p -> greedy[p.meeting()] = p.slot());
        int[] listOrder = FirstFit.improve(analysis, greedy, 50, seconds / 2);
        int d = analysis.fairness();
        ScheduleResult a = result(analysis, constrainedFirst, List.of(), 0, false, System.nanoTime());
        ScheduleResult b = result(analysis, listOrder, List.of(), 0, false, System.nanoTime());
        return b.betterThan(a, d) ? listOrder : constrainedFirst;
    }


    /** The solver's search, started from the floor; see the package documentation. */
    private ScheduleResult search(ProblemAnalysis analysis, int[] floor, Supplier<int[]> annealed,
            IntSupplier localBreaks, Clock clock, ProgressListener listener, long started, BooleanSupplier ended) {
        int[] firstFit = floor;
        // the row search beside the question just above the participants' bound and the questions after it
        // (RowsBeside), until the optimisation
        RowsBeside beside = new RowsBeside();
        Runnable besideStarts = () -> beside.start(analysis, annealed, clock.remaining(), options.randomSeed() + 2,
                ended, clock, listener);
        // Where the halves of the day cannot take every meeting (LunchBound), every level question is infeasible:
        // the placement first, as for the days whose data show it
        // (asked only when the floor does not already place every meeting)
        if (!analysis.obviouslyIncomplete() && (CpSatModel.placedCount(floor) >= analysis.meetingCount()
                || !lunchCheck(analysis, Math.min(LUNCH_CHECK_SECONDS, clock.remaining() / 10), clock))) {
            // Bottom-up: is there a schedule with at most k breaks in all, k = 0, 1, ...? A "yes" is optimal
            // (every smaller k was refuted); each "no" raises the lower bound. Decision problems suit CP-SAT's
            // clause learning far better than the optimisation does.
            // Levels below the participants' summed lower bounds need no asking.
            int participantsBound = analysis.breaksLowerBound();
            int lowerBound = participantsBound;
            List<Integer> mustBreak = mustBreak(analysis);
            if (options.log()) {
                System.err.println("lower bound from the participants' own days: " + participantsBound
                        + ", must break: " + mustBreak);
            }
            double reserve = clock.total() * (1 - options.levelShare());
            boolean placementAsked = false;
            // the core-based question's schedule when it was not proved optimal (null if it found none)
            int[] coreSchedule = null;
            int coreBreaks = Integer.MAX_VALUE;
            for (int k = participantsBound; k <= participantsBound + options.levels(); k++) {
                // the local search's schedule answers "at most k?" for every k from its breaks up: when the
                // levels below have been refuted, it is optimal; else the questions from there on are not asked
                if (localBreaks.getAsInt() <= k) {
                    if (k == lowerBound) {
                        return result(analysis, annealed.get(), List.of(), k, true, started);
                    }
                    break;
                }
                // Two above the participants' bound, the question is a crafted day's (the published days are
                // answered by then): it refutes quickly or not at all, and the optimisation's LP bound gets
                // further with the time (see the package documentation).
                double share = k >= participantsBound + 2 ? HIGH_LEVEL_SHARE : options.levelShare() / 2;
                double budget = Math.min(clock.remaining() - reserve, clock.total() * share);
                if (budget < 0.2) {
                    break;
                }
                if (k > participantsBound && !placementAsked) {
                    // Before the questions past the participants' bound: when the annealing could not place every
                    // meeting either, ask briefly how many can be placed at all. Where fewer than all can (tables
                    // scarce), every level question is infeasible and would only be refuted slowly
                    // (forum-13.tables8 did so before LunchBound.provedIncomplete above sent it to the placement
                    // first: one suspect after another for the whole limit, 187 s for "every meeting placed"; this
                    // is for the days that check does not catch), while the placement's LP bound proves the
                    // maximum within a second.
                    placementAsked = true;
                    // A floor that places every meeting answers it without waiting for the annealing (which keeps
                    // the better schedule, so places every meeting too): the wait was the rest of the start's
                    // search, up to 1.5 s with CP-SAT idle, on days whose next level then took milliseconds
                    int[] annealedNow = CpSatModel.placedCount(floor) >= analysis.meetingCount() ? floor
                            : annealed.get();
                    if (CpSatModel.placedCount(annealedNow) < analysis.meetingCount()) {
                        CpSatModel placing = built(clock, () -> new CpSatModel(analysis, false, options));
                        if (placing == null) {
                            break;
                        }
                        if (options.hint()) {
                            placing.hint(annealedNow);
                        }
                        CpSatModel.Outcome most = placing.maximisePlaced(
                                Math.min(clock.remaining() - reserve, clock.total() * PLACEMENT_SHARE), listener,
                                clock);
                        if (most.status() == CpSolverStatus.OPTIMAL
                                && CpSatModel.placedCount(most.slots()) < analysis.meetingCount()) {
                            return placeMost(analysis, placing, most, annealedNow, clock, listener, started);
                        }
                        budget = Math.min(clock.remaining() - reserve, clock.total() * share);
                        if (budget < 0.2) {
                            break;
                        }
                    }
                }
                List<Integer> suspects = k == 1 ? suspects(analysis) : List.of();
                if (k > 0 && k == participantsBound) {
                    // at the summed bound everyone is at its own bound: only the participants that must break
                    // do, those with a bound of 1 in one of their two-block patterns, and everyone else's day
                    // is consecutive, which propagates like level 0
                    CpSatModel.Outcome outcome = level(analysis, k, mustBreak, firstFit, budget, listener, clock);
                    if (outcome.hasSolution()) {
                        return result(analysis, outcome.slots(), List.of(), k, true, started);
                    }
                    if (outcome.status() != CpSolverStatus.INFEASIBLE) {
                        break;
                    }
                    lowerBound = k + 1;
                    continue;
                }
                if (k == 1) {
                    // One break in all: one participant has it. Ask with only one suspect at a time allowed a
                    // break, the most constrained first (fewest windows that could hold its day); every other
                    // day must then be consecutive, which propagates as strongly as level 0. A "yes" is
                    // optimal; a "no" only rules the suspect out. Up to three participants whose day is
                    // pinned to a single window go first, before a short unrestricted attempt (which refutes
                    // level 1 quickly where it is false), the others after it.
                    if (options.log()) {
                        System.err.println("suspects, most constrained first: " + suspects);
                    }
                    int pinned = 0;
                    while (pinned < Math.min(PINNED_FIRST, suspects.size())
                            && analysis.feasibleWindows(suspects.get(pinned)) <= 1) {
                        pinned++;
                    }
                    Suspicion first = suspect(analysis, suspects.subList(0, pinned), firstFit, reserve, listener,
                            clock);
                    if (first.slots != null) {
                        return result(analysis, first.slots, List.of(), 1, true, started);
                    }
                    if (!first.allRefuted) {
                        break;
                    }
                    suspects = suspects.subList(pinned, suspects.size());
                    budget = Math.min(budget, clock.total() * 0.05);
                } else if (k >= 2 && k == participantsBound + 1) {
                    // the question just above the must-breakers' level: the row search goes on beside it and the
                    // questions after it (RowsBeside); asked of one core-based worker with its LP, for all the time
                    // but the finish (see the package doc): the levels' reserve went to questions that bettered
                    // nothing once this one had not
                    besideStarts.run();
                    CoreAnswer core = CoreAnswer.of(analysis, lowerBound, justAboveTheBound(analysis, lowerBound,
                            firstFit, coreQuestionSeconds(clock), listener, clock));
                    if (core.proved()) {
                        return result(analysis, core.slots(), List.of(), core.bound(), true, started);
                    }
                    lowerBound = core.bound();
                    coreSchedule = core.slots();
                    coreBreaks = core.breaks();
                    break;
                }
                CpSatModel.Outcome outcome = level(analysis, k, null, firstFit, budget, listener, clock);
                if (outcome.hasSolution()) {
                    return result(analysis, outcome.slots(), List.of(), k, true, started);
                }
                if (outcome.status() != CpSolverStatus.INFEASIBLE) {
                    Suspicion rest = k == 1 ? suspect(analysis, suspects, firstFit, reserve, listener, clock)
                            : new Suspicion(null, false);
                    if (rest.slots != null) {
                        return result(analysis, rest.slots, List.of(), 1, true, started);
                    }
                    if (!rest.allRefuted) {
                        break;
                    }
                    // every participant that could break was refuted one by one: no schedule has one break
                }
                lowerBound = k + 1;
            }
            // Where a level was left unanswered, the levels just above it are far easier: "at most 4 breaks?"
            // found tic-14crafc.tables24's optimum in 0.8-2.7 s where "at most 3?" stays unanswered in the second
            // it gets (tic-13.tables19's "at most 3?" in 90 s), and the optimisation's first solutions had 5-16. A "yes" there is a schedule at most
            // one or two above the proven bound, and the optimisation below starts from it.
            firstFit = annealed.get();
            // the core-based question's schedule, unproved, when it is better than the local search's: it is what
            // the row search's is measured against, and the optimisation's start
            int[] above = coreBreaks < completeBreaks(analysis, firstFit) ? coreSchedule : null;
            int firstAbove = lowerBound + 1;
            for (int j = firstAbove; j <= firstAbove + 1 && above == null; j++) {
                if (localBreaks.getAsInt() <= lowerBound) {
                    return result(analysis, firstFit, List.of(), lowerBound, true, started);
                }
                if (localBreaks.getAsInt() <= j || beside.breaks() <= j) {
                    break; // answered by the local search's schedule, which the optimisation starts from
                }
                double budget = Math.min(clock.remaining() / 2, clock.total() * ABOVE_SHARE);
                if (budget < 0.2) {
                    break;
                }
                if (j >= 2 && j == participantsBound + 1) {
                    // the participants' bound's own level was left unanswered (under load its presolve alone took
                    // its budget: forbidden's must-breakers' level "stopped after presolve" in 3 of 4 builds at
                    // load 25-30), so the question just above the bound is asked here: the row search goes on
                    // beside it as beside the levels' one (issue 15, stop 46)
                    besideStarts.run();
                }
                CpSatModel.Outcome outcome = level(analysis, j, lowerBound, null, firstFit, budget, listener, clock);
                if (outcome.hasSolution()) {
                    above = outcome.slots();
                    if (resultOf(analysis, above).totalBreaks() <= lowerBound) {
                        return result(analysis, above, List.of(), lowerBound, true, started);
                    }
                } else if (outcome.status() == CpSolverStatus.INFEASIBLE) {
                    lowerBound = j + 1;
                } else {
                    break;
                }
            }
            int[] rows = beside.finish();
            int rowsBreaks = rows == null ? Integer.MAX_VALUE : completeBreaks(analysis, rows);
            if (options.log() && rows != null) {
                System.err.printf("the row search beside the questions: %s breaks at %.2f s%n",
                        rowsBreaks == Integer.MAX_VALUE ? "no complete fair schedule" : rowsBreaks, clock.elapsed());
            }
            if (rowsBreaks < (above != null ? resultOf(analysis, above).totalBreaks()
                    : completeBreaks(analysis, firstFit))) {
                if (rowsBreaks <= lowerBound) {
                    return result(analysis, rows, List.of(), lowerBound, true, started);
                }
                above = null;
                firstFit = rows;
            }
            // Then the optimisation model, told the bound, for whatever time is left; it starts from a fair
            // schedule found by the same model without objective (a decision problem, which CP-SAT finds far
            // faster than the optimisation's first solution).
            int[] hint = above != null ? above : firstFit;
            // The start: first with only the most constrained participants allowed breaks (the others' days
            // consecutive, which propagates well and gives few breaks), else with everyone allowed.
            List<Integer> suspects = suspects(analysis);
            CpSatModel.Outcome first = null;
            boolean noCompleteSchedule = false;
            boolean floorComplete = above != null || completeBreaks(analysis, firstFit) != Integer.MAX_VALUE;
            for (List<Integer> mayBreak : floorComplete ? List.<List<Integer>>of()
                    : List.of(suspects.subList(0, Math.min(STARTING_SUSPECTS, suspects.size())), suspects)) {
                double share = clock.remaining() * (mayBreak.size() < suspects.size() ? 0.2 : 0.4);
                if (share < 0.2) {
                    break;
                }
                CpSatModel start = built(clock, () -> new CpSatModel(analysis, true, options, -1, mayBreak));
                if (start == null) {
                    break;
                }
                if (options.hint()) {
                    start.hint(firstFit, false);
                }
                first = start.feasible(share, listener, clock);
                if (first.hasSolution() || mayBreak.size() == suspects.size()) {
                    noCompleteSchedule = first.status() == CpSolverStatus.INFEASIBLE;
                    break;
                }
            }
            if (first != null && first.hasSolution()) {
                hint = first.slots();
            }
            if (clock.remaining() < MIN_SOLVE_SECONDS && !noCompleteSchedule) {
                // no time left worth building the model for (building alone took seconds under a CPU hog)
                return lastResort(analysis, hint, lowerBound, started);
            }
            CpSatModel model = built(clock, () -> new CpSatModel(analysis, true, options, -1));
            if (model == null) {
                return lastResort(analysis, hint, lowerBound, started);
            }
            if (lowerBound > 0) {
                model.breaksAtLeast(lowerBound);
            }
            if (options.hint()) {
                // slots only: with every variable hinted ticf-13crafc reached its optimum in 1 of 5 runs, with
                // slots only in 3 of 3; in five alternating rounds later (bench/README, issue 15 fifth round) the
                // complete hint gave forum-13crafc.forbidden fewer breaks (9.4 against 13.2 on average) but left
                // tic-13.tables19 one above its optimum in 3 of 5 runs (slots only: 0 of 5), so slots only it stays
                model.hint(hint, false);
            }
            // No search of ours beside it: with a thread left free (CP-SAT's workers 3 -> 2) CP-SAT interleaves every
            // subsolver in its threads and runs no full-problem max_lp worker, whose bound proves the crafted days
            // with scarce tables (issue 15, ninth round); beside 3 workers it would take a quarter of their CPU.
            CpSatModel.Outcome outcome = noCompleteSchedule ? new CpSatModel.Outcome(CpSolverStatus.INFEASIBLE, null, 0)
                    : model.minimiseBreaks(clock.remaining(), listener, clock);
            if (outcome.hasSolution() && rowsBreaks < resultOf(analysis, outcome.slots()).totalBreaks()) {
                // the optimisation's schedule is worse than the row search's it was hinted with (its hint not taken
                // as its first solution): the row search's, with the optimisation's bound
                int bound = Math.max(lowerBound, outcome.bound());
                return result(analysis, rows, List.of(), bound, rowsBreaks <= bound, started);
            }
            if (outcome.hasSolution()) {
                int bound = Math.max(lowerBound, outcome.bound());
                return result(analysis, outcome.slots(), List.of(), bound, outcome.status() == CpSolverStatus.OPTIMAL
                        || resultOf(analysis, outcome.slots()).totalBreaks() <= bound, started);
            }
            if (first != null && first.hasSolution()) {
                return result(analysis, first.slots(), List.of(), lowerBound, false, started);
            }
            if (above != null) {
                return result(analysis, above, List.of(), lowerBound, false, started);
            }
            if (outcome.status() != CpSolverStatus.INFEASIBLE) {
                return lastResort(analysis, firstFit, lowerBound, started);
            }
        }

        // Not everything can be placed: first as many meetings as possible, then the fewest breaks for them.
        firstFit = annealed.get();
        CpSatModel model = built(clock, () -> new CpSatModel(analysis, false, options));
        if (model == null) {
            return lastResort(analysis, FairPart.of(analysis, firstFit), 0, started);
        }
        if (options.hint()) {
            model.hint(firstFit);
        }
        CpSatModel.Outcome most = model.maximisePlaced(clock.remaining() / 2, listener, clock);
        return placeMost(analysis, model, most, firstFit, clock, listener, started);
    }

    /**
     * {@link LunchBound#provedIncomplete} in {@code seconds}, waited for twice as long and 0.1 s more at most, else
     * "not proved": its model's building and CP-SAT's start are not bounded by its time, and beside busy loops a
     * fresh JVM's check of forum-13.tables8, given 0.15 s, took 1.8 s. A stop of {@code clock} ends the wait and the
     * check's solve.
     */
    private static boolean lunchCheck(ProblemAnalysis analysis, double seconds, Clock clock) {
        Boolean proved = within((long) ((2 * seconds + 0.1) * 1e9), clock,
                () -> LunchBound.provedIncomplete(analysis, seconds, clock));
        return Boolean.TRUE.equals(proved);
    }

    /**
     * The lunch boundary's bound ({@link LunchBound}, {@link BlockBound}: the larger) for schedules placing as many
     * meetings as {@code found}, or 0 when it exceeds
     * {@code found}'s own breaks (impossible for a valid bound: a warning, and the bound is not used).
     */
    static int lunchBound(ProblemAnalysis analysis, int[] found, double seconds) {
        return lunchBound(analysis, found, seconds, Clock.unstopped());
    }

    /**
     * As above, both solves ending (with what they proved by then) at a stop of {@code clock}: they are given up to
     * 3 s, and at forum scale they use all of it (ux51's "Stop building" ran on for them).
     */
    static int lunchBound(ProblemAnalysis analysis, int[] found, double seconds, Clock clock) {
        long started = System.nanoTime();
        int placed = CpSatModel.placedCount(found);
        // LunchBound first (forum-13.tables8: 17 in 0.3-0.9 s), then the finer BlockBound for the time left (18 there,
        // 1.4-1.5 CPU s); either may prove more than the other on a given day, so the larger counts
        int lunch = LunchBound.of(analysis, placed, seconds, clock);
        lunch = Math.max(lunch,
                BlockBound.of(analysis, placed, seconds - (System.nanoTime() - started) / 1e9, clock));
        List<Placement> placements = new ArrayList<>();
        for (int m = 0; m < found.length; m++) {
            if (found[m] >= 0) {
                placements.add(new Placement(m, found[m], 0));
            }
        }
        int breaks = BreakCounter.total(BreakCounter.perParticipant(analysis.problem, placements));
        if (lunch > breaks) {
            log.warn("lunch bound {} exceeds the {} breaks of a schedule found with {} meetings placed; not used",
                    lunch, breaks, CpSatModel.placedCount(found));
            return 0;
        }
        return lunch;
    }

    /** With the most meetings placed ({@code most}, from {@code model}), the fewest breaks for the time left. */
    private ScheduleResult placeMost(ProblemAnalysis analysis, CpSatModel model, CpSatModel.Outcome most,
            int[] start, Clock clock, ProgressListener listener, long started) {
        // the model is fair: an unfair start (the local search's, which trades fairness for placed meetings) is
        // neither a solution to keep nor a hint it can finish; its fair part is both
        int[] firstFit = FairPart.of(analysis, start);
        if (!most.hasSolution() && (most.status() != CpSolverStatus.UNKNOWN || CpSatModel.placedCount(firstFit) == 0)) {
            return lastResort(analysis, firstFit, 0, started);
        }
        boolean placementProved = most.status() == CpSolverStatus.OPTIMAL;
        if (!most.hasSolution() || !placementProved
                && CpSatModel.placedCount(firstFit) > CpSatModel.placedCount(most.slots())) {
            // no placement in time (a loaded machine: forum-13.tables8 once returned its 1.2 s start, 59 breaks, at
            // 7 of 10 s), or the solver's hint was lost (short limit, busy machine): go on from the floor
            most = new CpSatModel.Outcome(most.status(), firstFit, 0);
        }
        model.requirePlaced(CpSatModel.placedCount(most.slots()), model.fixedPlacedCount(most.slots()));
        // The lunch boundary's bound (LunchBound, BlockBound): the full model's LP sees none of it (forum-13.tables8: 18
        // where CP-SAT's bound stayed at 1). Told it, the solver can prove a schedule optimal only where the bound is
        // tight; on forum-13.tables8 it is not (18 against 21 breaks, the best known), so the bound shown is better
        // but the schedule stays unproved.
        int lunch = lunchBound(analysis, most.slots(), Math.min(LUNCH_BOUND_SECONDS,
                Math.min(clock.remaining() / 3, clock.total() * LUNCH_BOUND_SHARE)), clock);
        if (options.log()) {
            System.err.printf("lunch boundary bound: %d at %.2f s%n", lunch, clock.elapsed());
        }
        if (lunch > 0) {
            model.breaksAtLeast(lunch);
        }
        // The breaks' search starts from the floor when it places as many (the placement's answer ignores breaks)
        int d = analysis.fairness();
        boolean floorAsGood = CpSatModel.placedCount(firstFit) >= CpSatModel.placedCount(most.slots())
                && model.fixedPlacedCount(firstFit) >= model.fixedPlacedCount(most.slots())
                && resultOf(analysis, firstFit).fairnessGap() <= d;
        model.hint(floorAsGood ? firstFit : most.slots());
        CpSatModel.Outcome best = floorAsGood ? minimiseBesideRows(analysis, model, firstFit, clock, listener)
                : model.minimiseBreaks(clock.remaining(), listener, clock);
        CpSatModel.Outcome chosen = best.hasSolution() ? best : most;
        int bound = Math.max(lunch, best.hasSolution() ? best.bound() : 0);
        boolean proved = placementProved && best.hasSolution() && (best.status() == CpSolverStatus.OPTIMAL
                || resultOf(analysis, chosen.slots()).totalBreaks() <= bound);
        return result(analysis, chosen.slots(), reasons(analysis, chosen.slots(), placementProved), bound, proved,
                started);
    }

    /**
     * The model's fewest breaks, with the row search (its Kempe chains included) run again from {@code from} (a fair
     * schedule the model accepts, the start's local search's) beside it; the better of the two. On forum-13.tables8
     * CP-SAT's neighbourhoods took 7.5 s from 44 breaks to 40, where the annealing alone reaches 32-36 in 40 s. Not
     * the annealing again: {@code from} already places what the annealing could, and 2 million steps of it from there
     * only spent the first second. The model is first given {@link Options#stallShare} of the time: when it has found
     * nothing better than its hint by then (on forum-13.tables8 its only solution was its hint in every run, 10 s or
     * 60 s), a second row search from {@code from} with another seed takes the rest, so that both cores search rows;
     * else the model goes on from its best. The best of the three is taken.
     */
    private CpSatModel.Outcome minimiseBesideRows(ProblemAnalysis analysis, CpSatModel model, int[] from,
            Clock clock, ProgressListener listener) {
        AtomicBoolean solved = new AtomicBoolean();
        clock.stops(solved);
        double seconds = clock.remaining();
        FutureTask<int[]> rows = new FutureTask<>(() -> RowSearch.improve(analysis, from, seconds,
                Long.MAX_VALUE, options.randomSeed() + 1, solved::get));
        Thread.ofPlatform().daemon().name("scheduler-local-search-2").start(rows);
        CpSatModel.Outcome best;
        FutureTask<int[]> instead = null;
        try {
            boolean rowsCanRun = RowSearch.runs(analysis);
            best = model.minimiseBreaks(rowsCanRun ? seconds * options.stallShare() : seconds, listener, clock);
            if (rowsCanRun && (best.status() == CpSolverStatus.FEASIBLE || best.status() == CpSolverStatus.UNKNOWN)) {
                boolean stalled = !best.hasSolution() || resultOf(analysis, best.slots()).totalBreaks()
                        >= resultOf(analysis, from).totalBreaks();
                if (options.log()) {
                    System.err.printf("fewest breaks after %.0f %%: %s at %.2f s%n", options.stallShare() * 100,
                            stalled ? "nothing better than the hint, a second row search instead" : "improving",
                            clock.elapsed());
                }
                if (stalled) {
                    double left = clock.remaining();
                    instead = new FutureTask<>(() -> RowSearch.improve(analysis, from, left, Long.MAX_VALUE,
                            options.randomSeed() + 3, solved::get));
                    Thread.ofPlatform().daemon().name("scheduler-rows-instead").start(instead);
                    waitFor(instead, clock.answerBy(), clock);
                } else if (clock.remaining() > MIN_SOLVE_SECONDS) {
                    model.hint(best.slots());
                    CpSatModel.Outcome more = model.minimiseBreaks(clock.remaining(), listener, clock);
                    if (more.hasSolution() && (more.status() == CpSolverStatus.OPTIMAL || !resultOf(analysis,
                            best.slots()).betterThan(resultOf(analysis, more.slots()), analysis.fairness()))) {
                        best = more;
                    }
                }
                // the first row search has the phase's time whatever the solver did (as when it ran it all)
                waitFor(rows, clock.answerBy(), clock);
            }
        } finally {
            solved.set(true);
        }
        int d = analysis.fairness();
        int[] searched = betterOf(analysis, from, rows);
        if (instead != null) {
            int[] second = betterOf(analysis, from, instead);
            if (resultOf(analysis, second).betterThan(resultOf(analysis, searched), d)
                    && model.fixedPlacedCount(second) >= model.fixedPlacedCount(searched)) {
                searched = second;
            }
        }
        ScheduleResult found = resultOf(analysis, searched);
        if (found.fairnessGap() <= d && (!best.hasSolution()
                || model.fixedPlacedCount(searched) >= model.fixedPlacedCount(best.slots())
                        && found.betterThan(resultOf(analysis, best.slots()), d))) {
            return new CpSatModel.Outcome(CpSolverStatus.FEASIBLE, searched, best.bound());
        }
        return best;
    }

    /** The outcome of asking level 1 with suspects: a schedule, or whether every suspect was refuted. */
    private record Suspicion(int[] slots, boolean allRefuted) {
    }

    /** Level 1 with one suspect at a time allowed the break, until one answers "yes" or one cannot be refuted. */
    private Suspicion suspect(ProblemAnalysis analysis, List<Integer> suspects, int[] hint, double reserve,
            ProgressListener listener, Clock clock) {
        for (int p : suspects) {
            double left = clock.remaining() - reserve;
            if (left < 0.2) {
                return new Suspicion(null, false);
            }
            CpSatModel.Outcome guess = level(analysis, 1, List.of(p), hint, left, listener, clock);
            if (guess.hasSolution()) {
                return new Suspicion(guess.slots(), false);
            }
            if (guess.status() != CpSolverStatus.INFEASIBLE) {
                return new Suspicion(null, false);
            }
        }
        return new Suspicion(null, true);
    }

    /**
     * The time of the core-based question just above the participants' bound: all the build's time left but the
     * finish, not the levels' 85 % of the limit. On forum-13crafc.forbidden the worker's answer (the optimum 2) came
     * 13 s into a build: 15 s builds answered it, proved, in 5 of 6 with the rest, none of 6 with the levels' share
     * (3-4 breaks); what the levels' reserve was kept for (the questions above the proven bound, the optimisation)
     * bettered nothing measured there, 10 s builds 3-4 breaks either way (issue 15, stop 48, i15-opt25).
     */
    static double coreQuestionSeconds(Clock clock) {
        return clock.remaining() - CORE_FINISH_SECONDS;
    }

    /**
     * The question just above the participants' bound ("at most bound + 1?", the bound's own level refuted), asked as
     * the fewest breaks told the bound, of one core-based worker with its LP ({@link CpSatModel#minimiseWithCore}).
     */
    private CpSatModel.Outcome justAboveTheBound(ProblemAnalysis analysis, int atLeast, int[] hint, double seconds,
            ProgressListener listener, Clock clock) {
        CpSatModel model = built(clock, () -> new CpSatModel(analysis, true, options, -1));
        if (model == null) {
            return new CpSatModel.Outcome(CpSolverStatus.UNKNOWN, null, 0);
        }
        model.breaksAtLeast(atLeast);
        if (options.hint()) {
            model.hint(hint, false);
        }
        CpSatModel.Outcome outcome = model.minimiseWithCore(seconds, listener, clock);
        if (options.log()) {
            System.err.printf("the question just above the bound, one core-based worker: %s, %s breaks at %.2f s%n",
                    outcome.status(), outcome.hasSolution() ? resultOf(analysis, outcome.slots()).totalBreaks() : "no",
                    clock.elapsed());
        }
        return outcome;
    }

    /** The decision model "at most k breaks in all" (optionally only the given participants may break). */
    private CpSatModel.Outcome level(ProblemAnalysis analysis, int k, List<Integer> mayBreak, int[] hint,
            double seconds, ProgressListener listener, Clock clock) {
        return level(analysis, k, k, mayBreak, hint, seconds, listener, clock);
    }

    /** The same, knowing only that the breaks are at least {@code atLeast} (every level below it refuted). */
    private CpSatModel.Outcome level(ProblemAnalysis analysis, int k, int atLeast, List<Integer> mayBreak,
            int[] hint, double seconds, ProgressListener listener, Clock clock) {
        CpSatModel level = built(clock, () -> new CpSatModel(analysis, true, options, k, mayBreak));
        if (level == null) {
            return new CpSatModel.Outcome(CpSolverStatus.UNKNOWN, null, 0);
        }
        if (atLeast > 0) {
            level.breaksAtLeast(atLeast);
        }
        if (options.hint()) {
            level.hint(hint, false);
        }
        return level.feasible(seconds, listener, clock);
    }

    /**
     * A model built in a thread of its own, or null when it is not built by the answer's time, the deadline less the
     * time kept back for the answer ({@link Clock#answerBy}: it would have 0.01 s to solve), or when {@code clock} is
     * stopped. Its building took 3-180 ms of CPU on forum-13.tables8 (a fresh JVM's first models and garbage
     * collections the most), which took 2-5 s of wall time where the JVM got 2-5 % of a core (busy loops beside it at
     * load 20-48), and a 2 s build then took 3.4-8 s; so it is not waited for past that time, and a model not wanted
     * any more is cancelled: its thread is interrupted and the building ends at its next meeting, participant or slot
     * (see {@link CpSatModel}; a forum day's went on for seconds after a stopped build had answered). Waited for
     * {@link #BUILD_GRACE_SECONDS} at least: a small day's model is built in well under a millisecond, and short
     * limits (0, 1 ms) still have theirs solved.
     */
    static CpSatModel built(Clock clock, Supplier<CpSatModel> build) {
        if (clock.stopped()) {
            return null;
        }
        FutureTask<CpSatModel> task = new FutureTask<>(build::get);
        Thread.ofPlatform().daemon().name("scheduler-bounded").start(task);
        CpSatModel model = waitFor(task, System.nanoTime()
                + Math.max(clock.answerBy() - System.nanoTime(), (long) (BUILD_GRACE_SECONDS * 1e9)), clock);
        if (model == null) {
            task.cancel(true);
        }
        return model;
    }

    /** {@code solver}'s solve of {@code model}, stopped at a stop of {@code clock} (the bounds' solves). */
    static CpSolverStatus solve(CpSolver solver, CpModel model, Clock clock) {
        if (!clock.solving(solver)) {
            return CpSolverStatus.UNKNOWN;
        }
        try {
            return solver.solve(model);
        } finally {
            clock.solved(solver);
        }
    }

    /** {@code work}'s answer when it comes within {@code nanos}, else null (the work is left to end, unused). */
    static <T> T within(long nanos, Supplier<T> work) {
        return within(nanos, Clock.unstopped(), work);
    }

    /** As above, the wait ending (null) within {@link #STOP_POLL_MILLIS} of a stop of {@code clock}. */
    static <T> T within(long nanos, Clock clock, Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread.ofPlatform().daemon().name("scheduler-bounded").start(task);
        return waitFor(task, System.nanoTime() + nanos, clock);
    }

    /** As {@link #waitFor(FutureTask, long)}, ending (null) within {@link #STOP_POLL_MILLIS} of a stop of {@code clock}. */
    static <T> T waitFor(FutureTask<T> task, long until, Clock clock) {
        while (!clock.stopped()) {
            long slice = Math.min(until, System.nanoTime() + STOP_POLL_MILLIS * 1_000_000);
            T answer = waitFor(task, slice);
            if (answer != null || task.isDone() || System.nanoTime() - until >= 0) {
                return answer;
            }
        }
        return task.isDone() ? waitFor(task, 0) : null;
    }

    /** {@code task}'s answer when it comes by {@code until} ({@link System#nanoTime}), else null (left to end). */
    static <T> T waitFor(FutureTask<T> task, long until) {
        try {
            return task.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Participants whose own meetings force a break ({@link ProblemAnalysis#minBreaks} above 0). */
    static List<Integer> mustBreak(ProblemAnalysis analysis) {
        List<Integer> must = new ArrayList<>();
        for (int p = 0; p < analysis.meetingsOf.length; p++) {
            if (analysis.minBreaks(p) > 0) {
                must.add(p);
            }
        }
        return must;
    }

    /** Participants that could have a break, the most constrained first (fewest feasible windows). */
    static List<Integer> suspects(ProblemAnalysis analysis) {
        List<Integer> suspects = new ArrayList<>();
        for (int p = 0; p < analysis.meetingsOf.length; p++) {
            if (analysis.meetingsOf[p].length >= 2) {
                suspects.add(p);
            }
        }
        suspects.sort(java.util.Comparator.comparingInt(analysis::feasibleWindows)
                .thenComparingInt(p -> -analysis.meetingsOf[p].length));
        return suspects;
    }

    /** A placement as a result (tables assigned, breaks counted, meetings left out with their reasons). */
    static ScheduleResult resultOf(ProblemAnalysis analysis, int[] slots) {
        return result(analysis, slots, reasons(analysis, slots, false), 0, false, System.nanoTime());
    }

    /** When the solver found nothing in time: the constructive placement, the rest marked as out of time. */
    private static ScheduleResult lastResort(ProblemAnalysis analysis, int[] slots, int bound, long started) {
        return result(analysis, slots, reasons(analysis, slots, false), bound, false, started);
    }

    private static ScheduleResult result(ProblemAnalysis analysis, int[] slots, List<Unplaced> unplaced, int bound,
            boolean proved, long started) {
        SchedulingProblem problem = analysis.problem;
        List<Placement> placements = TableAssigner.assign(problem, slots);
        int[] breaks = BreakCounter.perParticipant(problem, placements);
        int total = BreakCounter.total(breaks);
        // the kept fixed meetings' own bound holds for any schedule keeping them, however many others it places
        int known = Math.max(bound, analysis.fixedBreaksLowerBound());
        return new ScheduleResult(placements, unplaced, total, BreakCounter.max(breaks), BreakCounter.gap(breaks),
                Math.max(0, Math.min(known, total)), proved, Duration.ofNanos(System.nanoTime() - started),
                analysis.fixedGap);
    }

    /** Why each meeting left without a slot could not be placed, from the data where the data tell. */
    static List<Unplaced> reasons(ProblemAnalysis analysis, int[] slots, boolean placementProved) {
        int[] used = new int[analysis.slots];
        for (int s : slots) {
            if (s >= 0) {
                used[s]++;
            }
        }
        List<Unplaced> reasons = new ArrayList<>();
        for (int m = 0; m < slots.length; m++) {
            if (slots[m] >= 0) {
                continue;
            }
            Unplaced reason = analysis.emptyDomainReason(m);
            if (reason == null && analysis.meeting(m).isFixed() && !analysis.kept(m)) {
                // a fixed meeting colliding with another fixed one (the same participant, the slot's tables)
                reason = new Unplaced(m, Unplaced.Reason.CONFLICTING_CONSTRAINTS, -1, 0, 0);
            }
            if (reason == null) {
                MeetingRequest meeting = analysis.meeting(m);
                int[] worst = null;
                int who = -1;
                for (int p : new int[] {meeting.first(), meeting.second()}) {
                    int[] overload = analysis.overload(p);
                    if (overload != null && (worst == null || overload[0] - overload[1] > worst[0] - worst[1])) {
                        worst = overload;
                        who = p;
                    }
                }
                if (worst != null) {
                    reason = new Unplaced(m, Unplaced.Reason.TOO_MANY_MEETINGS, who, worst[0], worst[1]);
                } else if (allFull(analysis, m, used)) {
                    reason = new Unplaced(m, Unplaced.Reason.NO_TABLE, -1, 0, 0);
                } else if (!placementProved) {
                    reason = new Unplaced(m, Unplaced.Reason.TIME_LIMIT, -1, 0, 0);
                } else {
                    reason = new Unplaced(m, Unplaced.Reason.CONFLICTING_CONSTRAINTS, -1, 0, 0);
                }
            }
            reasons.add(reason);
        }
        return reasons;
    }

    private static boolean allFull(ProblemAnalysis analysis, int m, int[] used) {
        for (int s : analysis.allowed[m]) {
            if (used[s] < analysis.tables[s]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The time left of a solve. Stopped ({@link #stop}), its deadline is now: every later part of the search gets no
     * time, and the CP-SAT solves under way ({@link #solving}) are told to stop.
     */
    static final class Clock {

        private final long started;
        private volatile long deadline;
        private volatile boolean stopped;
        private final Set<CpSolver> solving = ConcurrentHashMap.newKeySet();
        private final Set<AtomicBoolean> flags = ConcurrentHashMap.newKeySet();

        Clock(long started, Duration limit) {
            this.started = started;
            this.deadline = started + limit.toNanos();
        }

        /** A clock for a piece of the search asked on its own (tests, probes): a day long, stopped by {@link #stop}. */
        static Clock unstopped() {
            return new Clock(System.nanoTime(), Duration.ofDays(1));
        }

        /**
         * The solve was stopped by its caller: the time is up now, and the solvers under way stop their search (again
         * at each call: a solver between its registration and its search's start does not hear the first).
         */
        void stop() {
            if (!stopped) {
                deadline = Math.min(deadline, System.nanoTime());
                stopped = true;
            }
            flags.forEach(flag -> flag.set(true));
            solving.forEach(CpSolver::stopSearch);
        }

        /** {@code flag}, a local search's stop, is set at a {@link #stop} (at once when stopped already). */
        void stops(AtomicBoolean flag) {
            flags.add(flag);
            if (stopped) {
                flag.set(true);
            }
        }

        boolean stopped() {
            return stopped;
        }

        /**
         * {@code solver} searches from now until {@link #solved}: a {@link #stop} stops it. False when the clock is
         * stopped already: the caller must not start its search (told now, before its {@code solve}, the solver
         * would not hear it and would search for its whole limit), and need not call {@link #solved}.
         */
        boolean solving(CpSolver solver) {
            solving.add(solver);
            if (stopped) {
                solving.remove(solver);
                return false;
            }
            return true;
        }

        void solved(CpSolver solver) {
            solving.remove(solver);
        }

        /** Whether a solver registered by {@link #solving} is still searching. */
        boolean searching() {
            return !solving.isEmpty();
        }

        double remaining() {
            return Math.max(0.01, (deadline - System.nanoTime()) / 1e9 - MARGIN_SECONDS);
        }

        double total() {
            return (deadline - started) / 1e9;
        }

        double elapsed() {
            return (System.nanoTime() - started) / 1e9;
        }

        /** The deadline, in {@link System#nanoTime}'s terms. */
        long deadline() {
            return deadline;
        }

        /**
         * When the search's last piece must be in hand ({@link System#nanoTime}'s terms): the deadline less the time
         * kept back for building the answer. A model built later would have 0.01 s to solve ({@link #remaining});
         * waited for until the deadline, a level model's building pushed 2 s builds to 2.4-3.1 s beside three busy
         * loops at load 20, the answer built after the deadline.
         */
        long answerBy() {
            return deadline - (long) (MARGIN_SECONDS * 1e9);
        }
    }
}
