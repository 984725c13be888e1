package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Where not every meeting fits, the fewest breaks' solve that has found nothing better than its hint after its probe
 * share gives the rest of its time to a second row search (issue 15, stop 47: on forum-13.tables8 CP-SAT never bettered
 * its hint there, while a row search alone with a core to itself reached 21-23 breaks in 8 s).
 */
class RowsInsteadTest {

    /**
     * The warm-up's made-up day with 8 tables a slot (128 places for 140 meetings: not everything fits, which the data
     * show, so the build goes to the placement and then to the fewest breaks), built from a start that places 128 and is
     * fair (first fit annealed by steps: the same on any machine), so that the fewest breaks' phase starts from it with
     * the row search beside, however little CPU the build's own start gets. With a probe share of 0 the solver has found
     * nothing by its end, so the second row search must run, and the build still answers a valid fair schedule placing
     * 128, the second search ended by its answer. 120 s, stopped as soon as both row searches are seen: the placement
     * and the lunch bounds before the phase stretch with the load (a 2-3 s build's time at load 40-55; a 5 s limit
     * failed at load ~45 in one JVM, review71; 31 s of a 60 s build at load ~45 in two forks, stab49), the limit does
     * not. So the check is not on the wall clock but on the phase's own time: the second search must start within the
     * first half of what was left of the build when the phase began (the first row search beside it seen), since CPU
     * work before and in the phase stretches alike. A stalled solve given the whole phase starts it only as the phase
     * runs out, and fails.
     */
    @Test
    void aStalledFewestBreaksSolveGivesItsTimeToASecondRowSearch() throws Exception {
        SchedulingProblem day = scarce();
        ProblemAnalysis analysis = new ProblemAnalysis(day);
        ScheduleResult start = CpSatScheduler.resultOf(analysis,
                LocalSearch.improve(analysis, FirstFit.place(analysis), 60, 300_000, 1));
        assertThat(start.placements()).as("a start placing every table place").hasSize(128);
        assertThat(start.fairnessGap()).as("a fair start").isLessThanOrEqualTo(day.fairness());
        CpSatScheduler noProbe = new CpSatScheduler(CpSatScheduler.Options.DEFAULT.withStallShare(0));
        noProbe.warmUp();
        ThreadWatch beside = ThreadWatch.start("scheduler-local-search-2");
        ThreadWatch instead = ThreadWatch.start("scheduler-rows-instead");
        // stopped (as an organizer stops a build) once both row searches are seen: the rest of 120 s checks nothing.
        // Not once the second alone is seen: the first lives only till the build's stop (its stop is the phase's end),
        // which then came within 100 ms of the second's start, and at load 23-37 its watcher, polling every 5 ms, was
        // not run in that window once (stop 50: "the fewest breaks' phase" false at 9.4 s). Both live till the stop.
        Duration limit = Duration.ofSeconds(120);
        long deadline = System.nanoTime() + limit.toNanos(); // the build's own clock starts later: at most this
        ScheduleResult result = noProbe.solve(day, limit, Scheduler.ProgressListener.NONE, start,
                () -> instead.seen() && beside.seen());
        boolean seen = instead.stop();
        assertThat(beside.stop()).as("the fewest breaks' phase with the row search beside it").isTrue();

        assertThat(seen).as("a second row search instead of the stalled solve (%d placed, %d breaks)",
                result.placements().size(), result.totalBreaks()).isTrue();
        // with the phase's time left, not at its end: a solve given the whole phase starts it only as the time runs out
        double phaseLeft = (deadline - beside.firstSeen()) / 1e9;
        double secondAfter = (instead.firstSeen() - beside.firstSeen()) / 1e9;
        assertThat(secondAfter).as("the second row search started after the phase began (of its %.1f s left)",
                phaseLeft).isLessThan(phaseLeft / 2);
        ScheduleChecker.assertValid(day, result);
        assertThat(result.placements()).hasSize(128);
        assertThat(result.fairnessGap()).isLessThanOrEqualTo(day.fairness());
        assertThat(result.totalBreaks()).isLessThanOrEqualTo(start.totalBreaks());
        // 20 s: well within the time the second search would run on if the build's end did not end it
        assertThat(instead.ended(20)).as("the second row search ended with the build").isTrue();
    }

    private static SchedulingProblem scarce() {
        SchedulingProblem day = SchedulerWarmUp.day();
        int[] tables = new int[day.slots()];
        Arrays.fill(tables, 8);
        return new SchedulingProblem(day.participants(), day.slots(), day.morningSlots(), tables, day.meetings(),
                day.forbidden(), day.fairness());
    }
}
