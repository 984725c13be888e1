package org.b2bforum.optimizer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The scheduler's first build in a fresh JVM, made beforehand on a small made-up day: OR-Tools' native library
 * loaded (71 MB extracted and linked: 0.85 CPU seconds, 1.4-4.6 s at load 16, all of it inside the first build's
 * time limit otherwise), and the local search and the model building run until the JIT has compiled them (in a
 * fresh JVM the start's local search took twice the CPU per step, and the compiler threads another 0.5-0.7 s beside
 * it, within the start's 1.2 s; bench/README, issue 15 thirteenth round).
 */
final class SchedulerWarmUp {

    /** The made-up day's local search: half of what a build's start runs. */
    static final double POLISH_SECONDS = 0.6;

    private static final AtomicBoolean done = new AtomicBoolean();

    /** What {@link #runOnce}'s run built, for its test to check without a second warm-up (~1 CPU second). */
    private static volatile ScheduleResult built;

    private SchedulerWarmUp() {
    }

    /** {@link #run} the first time it is called in this JVM; returns whether it ran. */
    static boolean runOnce() throws InterruptedException {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        built = run();
        return true;
    }

    /** The made-up day's build of this JVM's {@link #runOnce}; null before it has ended. */
    static ScheduleResult built() {
        return built;
    }

    /**
     * Loads the native library and runs the start's local search and a build of one second on {@link #day()}: about
     * 2.2 CPU seconds and 1.5 s on a quiet machine (1.1 and 0.9 once done). Meant for a background thread at the
     * application's start. Returns the made-up day's build.
     */
    static ScheduleResult run() throws InterruptedException {
        CpSatScheduler.loadNatives();
        SchedulingProblem day = day();
        ProblemAnalysis analysis = new ProblemAnalysis(day);
        int[] floor = CpSatScheduler.floor(analysis, 0.05);
        try {
            CpSatScheduler.startPolishing(analysis, floor, POLISH_SECONDS, 1, new AtomicBoolean()).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return new CpSatScheduler().solve(day, Duration.ofSeconds(1), Scheduler.ProgressListener.NONE);
    }

    /**
     * A small day like the crafted ones (bench/README): 40 participants, 140 meetings of 5-9 a participant, 16 slots
     * of which 9 in the morning, 10 tables a slot, a third of the meetings in the morning, a tenth in the afternoon,
     * an unavailable slot for every fifth participant. The same day every time.
     */
    static SchedulingProblem day() {
        int participants = 40;
        int slots = 16;
        SplittableRandom random = new SplittableRandom(15);
        Set<Long> pairs = new HashSet<>();
        List<MeetingRequest> meetings = new ArrayList<>();
        int[] count = new int[participants];
        while (meetings.size() < 140) {
            int a = random.nextInt(participants);
            int b = random.nextInt(participants);
            if (a == b || count[a] >= 9 || count[b] >= 9 || !pairs.add((long) Math.min(a, b) * participants
                    + Math.max(a, b))) {
                continue;
            }
            count[a]++;
            count[b]++;
            int kind = random.nextInt(10);
            SessionPreference session = kind < 3 ? SessionPreference.MORNING
                    : kind < 4 ? SessionPreference.AFTERNOON : SessionPreference.ANY;
            meetings.add(new MeetingRequest(a, b, session, MeetingRequest.FREE, Set.of()));
        }
        List<Set<Integer>> forbidden = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            forbidden.add(p % 5 == 0 ? Set.of(random.nextInt(slots)) : Set.of());
        }
        int[] tables = new int[slots];
        java.util.Arrays.fill(tables, 10);
        return new SchedulingProblem(participants, slots, 9, tables, meetings, forbidden,
                SchedulingProblem.DEFAULT_FAIRNESS);
    }
}
