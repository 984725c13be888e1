package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The row search beside the level questions above the participants' bound (issue 15, twenty-sixth round): on
 * forum-13crafc.forbidden those questions answer nothing in a 10 s build, and the row search gets their time.
 */
class RowsBesideTest {

    /**
     * forbidden's level 1 (participant 30 must break) is refuted within a second, then "at most 2?" is asked: the row
     * search goes on beside it, in a thread of its own, and ends with the build. The build starts from a complete fair
     * schedule (the row search goes on only from one): its own start, starved in a whole suite at load 40, may not
     * place every meeting fairly by then.
     */
    @Test
    void theRowSearchGoesOnBesideTheQuestionsAboveTheBoundAndEndsWithTheBuild() throws Exception {
        SchedulingProblem day = forbidden();
        ProblemAnalysis analysis = new ProblemAnalysis(day);
        ScheduleResult start = CpSatScheduler.resultOf(analysis, annealed(analysis));
        assertThat(start.unplaced()).as("a complete start").isEmpty();
        CpSatScheduler warm = new CpSatScheduler();
        warm.warmUp();
        AtomicBoolean seen = new AtomicBoolean();
        List<String> builds = new ArrayList<>();
        ScheduleResult result = null;
        // up to three builds: 2 of 7 runs did not see it at load 24-40 (the whole suite's at 40), 5 did; a build whose
        // level 1 is left unanswered asks no level 2 (not known to be the cause: each build's bound is in the message)
        for (int build = 0; build < 3 && !seen.get(); build++) {
            AtomicBoolean building = new AtomicBoolean(true);
            Thread watcher = Thread.ofPlatform().daemon().start(() -> watch(building, seen));
            result = warm.solve(day, Duration.ofSeconds(10), Scheduler.ProgressListener.NONE, start);
            building.set(false);
            watcher.join();
            builds.add(result.totalBreaks() + " breaks, bound " + result.lowerBound());
        }

        assertThat(seen).as("a row search beside the questions (builds: %s)", builds).isTrue();
        ScheduleChecker.assertValid(day, result);
        assertThat(result.unplaced()).isEmpty();
        assertThat(result.fairnessGap()).isLessThanOrEqualTo(day.fairness());
        // ended by the build's end (at the optimisation's start, or the build's answer at the latest)
        long until = System.nanoTime() + 2_000_000_000L;
        while (besideAlive() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(besideAlive()).as("the row search beside ended").isFalse();
    }

    /**
     * Its answer: from the start it is given, the row search's best (valid, complete, fair, fewer breaks than an
     * annealed start), and it ends when finished, whatever time it was given.
     */
    @Test
    void itAnswersItsBestWhenFinishedAndNeverWorseThanItsStart() throws Exception {
        SchedulingProblem day = forbidden();
        ProblemAnalysis analysis = new ProblemAnalysis(day);
        int[] annealed = annealed(analysis);
        int start = CpSatScheduler.completeBreaks(analysis, annealed);
        assertThat(start).as("a complete fair start").isLessThan(Integer.MAX_VALUE);
        RowsBeside beside = new RowsBeside();
        beside.start(analysis, () -> annealed, 60, 3, () -> false, CpSatScheduler.Clock.unstopped(),
                Scheduler.ProgressListener.NONE);
        long until = System.nanoTime() + 30_000_000_000L;
        while (beside.breaks() >= start && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        long finishing = System.nanoTime();
        int[] best = beside.finish();
        double seconds = (System.nanoTime() - finishing) / 1e9;

        assertThat(seconds).as("ended at once, not after its 60 s").isLessThan(5);
        ScheduleResult found = CpSatScheduler.resultOf(analysis, best);
        ScheduleChecker.assertValid(day, found);
        assertThat(found.unplaced()).isEmpty();
        assertThat(found.fairnessGap()).isLessThanOrEqualTo(day.fairness());
        assertThat(found.totalBreaks()).isLessThan(start).isLessThanOrEqualTo(beside.breaks());
    }

    /** First fit annealed for 500,000 steps: the same schedule on any machine (steps, not time), complete and fair. */
    private static int[] annealed(ProblemAnalysis analysis) {
        return LocalSearch.improve(analysis, FirstFit.place(analysis), 60, 500_000, 1);
    }

    private static SchedulingProblem forbidden() throws Exception {
        return DznReader.read(DznReaderTest.resource("crafted/forum-13crafc.forbidden.dzn"));
    }

    /** Sets {@code seen} when the row search's thread is alive, every 20 ms while {@code building}. */
    private static void watch(AtomicBoolean building, AtomicBoolean seen) {
        while (building.get()) {
            if (besideAlive()) {
                seen.set(true);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean besideAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("scheduler-rows-beside"));
    }
}
