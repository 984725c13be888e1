package org.b2bforum.optimizer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The start's local search going on past its share of the limit when the machine starved it: under three busy loops
 * at load 20-48 the start's thread got 2-5 % of a core, and its 0.24 s of a 2 s limit (10-30 ms of CPU place every
 * meeting that fits on the crafted days) left forum-13.tables8 at 148 of 152; the solver built no model in time after
 * it, so that was the answer. Going on in a thread of its own while the build's search runs (its model building then
 * takes seconds of wall time), the annealing is given the CPU it lacked; the build takes its best at the end, waiting
 * for it no later than the deadline when the search's answer left meetings out.
 *
 * <p>Only where the start's thread got less than {@link #STARVED_SHARE} of a core and left meetings out: on a quiet
 * machine the start ends with every meeting placed or, on a day where not all fit, beside CP-SAT's workers, to
 * which it would take CPU.
 */
final class StarvedStart {

    /** Starved: the start's thread used less CPU than this share of its wall time (about 0.4 on a quiet machine). */
    static final double STARVED_SHARE = 0.2;

    /**
     * The annealing going on in rounds of so many steps, each from the best so far and cooled by its steps (about
     * 5 ms of a quiet core; 30 ms of the start's annealing placed forum-13.tables8's 152), at most {@link #ROUNDS}.
     */
    private static final long ROUND_STEPS = 50_000L;
    private static final int ROUNDS = 40;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AtomicBoolean stop = new AtomicBoolean();
    private final boolean mayGoOn;
    private volatile FutureTask<int[]> goingOn;
    /** The best schedule it has seen (each round's end, and within a round each that placed more). */
    private final AtomicReference<int[]> best = new AtomicReference<>();

    /** One for a build, whose end collects it ({@link #best}). */
    StarvedStart() {
        this(true);
    }

    private StarvedStart(boolean mayGoOn) {
        this.mayGoOn = mayGoOn;
    }

    /** One that never goes on: for a start nobody collects (the warm-up's, the tests'). */
    static StarvedStart never() {
        return new StarvedStart(false);
    }

    /** The calling thread's CPU nanoseconds so far (0 where the JVM does not measure it). */
    static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /**
     * Told by the start's thread of its answer, its CPU nanoseconds and wall seconds: goes on from {@code found} in a
     * thread of its own when the start was starved and left meetings out.
     */
    void ended(ProblemAnalysis analysis, int[] found, long cpu, double seconds, long seed) {
        if (!mayGoOn || CpSatModel.placedCount(found) >= analysis.meetingCount() || cpu <= 0
                || cpu >= STARVED_SHARE * seconds * 1e9 || goingOn != null) {
            return;
        }
        best.set(found);
        FutureTask<int[]> task = new FutureTask<>(() -> goOn(analysis, found, seed));
        goingOn = task;
        Thread.ofPlatform().daemon().name("scheduler-local-search-starved").start(task);
    }

    private int[] goOn(ProblemAnalysis analysis, int[] found, long seed) {
        int[] last = found;
        for (int round = 1; round <= ROUNDS && !stop.get()
                && CpSatModel.placedCount(last) < analysis.meetingCount(); round++) {
            // cooled by its steps (the time given is far more than they take), never worse than where it started
            last = LocalSearch.improve(analysis, last, 3600, ROUND_STEPS, seed + round, stop::get, best::set);
            best.set(last);
        }
        return last;
    }

    /** Whether it went on. */
    boolean wentOn() {
        return goingOn != null;
    }

    /**
     * Its best schedule, waiting for it until {@code until} ({@link System#nanoTime}) at most (then the best it has
     * seen), or null when it did not go on; it is stopped.
     */
    int[] best(long until) {
        FutureTask<int[]> task = goingOn;
        if (task == null) {
            return null;
        }
        try {
            try {
                return task.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // not the end of the round under way (starved, it took seconds to reach its next check of the stop):
                // the best it has seen, which places more than the round's start or is fair where that was not
                return best.get();
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        } finally {
            stop.set(true);
        }
    }
}
