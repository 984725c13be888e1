package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The annealing start of issue 15: valid schedules only, never worse than where it started. */
class LocalSearchTest {

    @Test
    void aCraftedDayWhereFirstFitLeavesMeetingsOutGetsEveryMeetingPlacedWithFewerBreaks() throws Exception {
        SchedulingProblem problem = DznReader.read(DznReaderTest.resource("crafted/tic-13.tables19.dzn"));
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        int[] floor = CpSatScheduler.floor(analysis, 0.3);
        ScheduleResult before = CpSatScheduler.resultOf(analysis, floor);
        assertThat(before.unplaced()).as("first-fit leaves some out here").isNotEmpty();

        ScheduleResult after = CpSatScheduler.resultOf(analysis,
                LocalSearch.improve(analysis, floor, 60, 3_000_000, 1));

        ScheduleChecker.assertValid(problem, after);
        assertThat(after.unplaced()).isEmpty();
        assertThat(after.fairnessGap()).isLessThanOrEqualTo(problem.fairness());
        assertThat(after.totalBreaks()).isLessThan(before.totalBreaks());
    }

    @Test
    void fixedMeetingsForbiddenSlotsAndPrecedencesAreKept() {
        // 0-1 fixed in slot 2, 0-2 after 0-3 (meeting 2 after meeting 1), participant 3 not in slot 0
        MeetingRequest fixed = new MeetingRequest(0, 1, SessionPreference.ANY, 2, Set.of());
        MeetingRequest earlier = MeetingRequest.of(0, 3);
        MeetingRequest later = new MeetingRequest(0, 2, SessionPreference.ANY, MeetingRequest.FREE, Set.of(1));
        SchedulingProblem problem = CpSatSchedulerTest.problem(4, 5, 3, 1, 2, Map.of(3, Set.of(0)), fixed,
                earlier, later, MeetingRequest.of(1, 2), MeetingRequest.of(2, 3));
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        int[] none = {-1, -1, -1, -1, -1};
        for (long seed = 1; seed <= 20; seed++) {
            ScheduleResult result = CpSatScheduler.resultOf(analysis, LocalSearch.improve(analysis, none, 10,
                    20_000, seed));
            ScheduleChecker.assertValid(problem, result);
            assertThat(result.unplaced()).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void anOptimalStartComesBackNoWorse() throws Exception {
        SchedulingProblem problem = DznReader.read(DznReaderTest.resource("tic-12.original.dzn"));
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        ScheduleResult optimal = new CpSatScheduler().solve(problem, java.time.Duration.ofSeconds(60),
                Scheduler.ProgressListener.NONE);
        assertThat(optimal.totalBreaks()).isZero();
        int[] slots = new int[analysis.meetingCount()];
        optimal.placements().forEach(p -> slots[p.meeting()] = p.slot());

        ScheduleResult annealed = CpSatScheduler.resultOf(analysis, LocalSearch.improve(analysis, slots, 10,
                200_000, 3));

        assertThat(annealed.unplaced()).isEmpty();
        assertThat(annealed.totalBreaks()).isZero();
    }
}
