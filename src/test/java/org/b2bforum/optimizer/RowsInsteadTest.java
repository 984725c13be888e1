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
     * show, so the build goes to the placement and then to the fewest breaks). With a probe share of 0 the solver has
     * found nothing by its end, on any machine, so the second row search must run, and the build still answers a
     * valid fair schedule with as many meetings as its placement, ending the search by its answer.
     */
    @Test
    void aStalledFewestBreaksSolveGivesItsTimeToASecondRowSearch() throws Exception {
        SchedulingProblem day = scarce();
        CpSatScheduler noProbe = new CpSatScheduler(CpSatScheduler.Options.DEFAULT.withStallShare(0));
        noProbe.warmUp();
        ThreadWatch instead = ThreadWatch.start("scheduler-rows-instead");
        ScheduleResult result = noProbe.solve(day, Duration.ofSeconds(2), Scheduler.ProgressListener.NONE);
        boolean seen = instead.stop();

        assertThat(seen).as("a second row search instead of the stalled solve (%d placed, %d breaks)",
                result.placements().size(), result.totalBreaks()).isTrue();
        ScheduleChecker.assertValid(day, result);
        assertThat(result.placements()).hasSizeLessThanOrEqualTo(128).hasSizeGreaterThan(120);
        assertThat(result.fairnessGap()).isLessThanOrEqualTo(day.fairness());
        assertThat(instead.ended(2)).as("the second row search ended with the build").isTrue();
    }

    private static SchedulingProblem scarce() {
        SchedulingProblem day = SchedulerWarmUp.day();
        int[] tables = new int[day.slots()];
        Arrays.fill(tables, 8);
        return new SchedulingProblem(day.participants(), day.slots(), day.morningSlots(), tables, day.meetings(),
                day.forbidden(), day.fairness());
    }
}
