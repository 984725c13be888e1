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

    /**
     * Nothing beats a schedule that leaves out only the meetings the data force out and has no break, or one that
     * places every meeting with the participants' own bounds for breaks: the search ends there instead of running to
     * its limit (the build waits for it where not every meeting fits).
     */
    @Test
    void anUnbeatableScheduleEndsTheSearchAtOnce() {
        // participant 0 wants 4 meetings in 3 slots and 5-6 have no common slot: 2 out whatever the schedule
        SchedulingProblem leavesOut = CpSatSchedulerTest.problem(7, 3, 3, 5, 2, Map.of(5, Set.of(0, 1), 6, Set.of(2)),
                MeetingRequest.of(0, 1), MeetingRequest.of(0, 2), MeetingRequest.of(0, 3), MeetingRequest.of(0, 4),
                MeetingRequest.of(5, 6), MeetingRequest.of(1, 2));
        // 0 meets 1 and 2 but not in slot 1 of 3: its own day forces the one break
        SchedulingProblem mustBreak = CpSatSchedulerTest.problem(3, 3, 3, 1, 2, Map.of(0, Set.of(1)),
                MeetingRequest.of(0, 1), MeetingRequest.of(0, 2));
        for (SchedulingProblem problem : java.util.List.of(leavesOut, mustBreak)) {
            ProblemAnalysis analysis = new ProblemAnalysis(problem);
            int[] none = new int[analysis.meetingCount()];
            java.util.Arrays.fill(none, -1);
            long started = System.nanoTime();

            ScheduleResult result = CpSatScheduler.resultOf(analysis, LocalSearch.improve(analysis, none, 60,
                    Long.MAX_VALUE, 1));

            assertThat((System.nanoTime() - started) / 1e9).as("seconds of a 60 s search").isLessThan(10);
            assertThat(result.unplaced()).hasSize(problem == leavesOut ? 2 : 0);
            assertThat(result.totalBreaks()).isEqualTo(problem == leavesOut ? 0 : 1);
        }
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
