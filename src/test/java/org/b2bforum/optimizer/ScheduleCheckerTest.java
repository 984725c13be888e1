package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ScheduleChecker#solveProved}: asked again with more time only while the answer is not proved. */
class ScheduleCheckerTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    private final SchedulingProblem triangle = CpSatSchedulerTest.problem(3, 3, 3, 1, 2, Map.of(),
            MeetingRequest.of(0, 1), MeetingRequest.of(1, 2), MeetingRequest.of(2, 0));

    /** First-fit's valid answer (one break, the triangle's optimum), as proved or not. */
    private ScheduleResult answer(boolean proved) {
        ScheduleResult r = new GreedyScheduler().solve(triangle, Duration.ZERO, Scheduler.ProgressListener.NONE);
        return new ScheduleResult(r.placements(), r.unplaced(), r.totalBreaks(), r.maxBreaks(), r.fairnessGap(),
                proved ? r.totalBreaks() : 0, proved, r.elapsed());
    }

    @Test
    void aProvedAnswerIsAskedOnce() {
        List<Duration> asked = new ArrayList<>();
        ScheduleResult proved = answer(true);

        ScheduleResult result = ScheduleChecker.solveProved((problem, limit, progress) -> {
            asked.add(limit);
            return proved;
        }, triangle, LIMIT);

        assertThat(result).isSameAs(proved);
        assertThat(asked).containsExactly(LIMIT);
    }

    @Test
    void anAnswerNotProvedIsAskedAgainWithFourTimesTheTimeTwiceAtMost() {
        List<Duration> asked = new ArrayList<>();
        ScheduleResult starved = answer(false);
        ScheduleResult proved = answer(true);

        ScheduleResult second = ScheduleChecker.solveProved((problem, limit, progress) -> {
            asked.add(limit);
            return asked.size() < 2 ? starved : proved;
        }, triangle, LIMIT);
        assertThat(second).isSameAs(proved);
        assertThat(asked).containsExactly(LIMIT, Duration.ofSeconds(8));

        asked.clear();
        ScheduleResult last = ScheduleChecker.solveProved((problem, limit, progress) -> {
            asked.add(limit);
            return starved;
        }, triangle, LIMIT);
        assertThat(last).as("the last answer, for the test's own checks").isSameAs(starved);
        assertThat(asked).containsExactly(LIMIT, Duration.ofSeconds(8), Duration.ofSeconds(32));
    }

    @Test
    void anAnswerNotProvedMustStillBeValidButForFairness() {
        List<Duration> asked = new ArrayList<>();
        ScheduleResult nothing = new ScheduleResult(List.of(), List.of(), 0, 0, 0, 0, false, Duration.ZERO);

        assertThatThrownBy(() -> ScheduleChecker.solveProved((problem, limit, progress) -> {
            asked.add(limit);
            return nothing;
        }, triangle, LIMIT)).hasMessageContaining("neither placed nor listed as unplaced");
        assertThat(asked).as("not asked again").containsExactly(LIMIT);
    }
}
