package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The solver's hint gives every variable (break chains, windows, two-block patterns, fairness bounds), not
 * only the slots, so a feasible starting schedule is a complete first solution. Each test fixes every variable
 * to its hinted value and asks whether that is a solution: a wrong derived value would make it infeasible.
 */
class CompleteHintTest {

    @Test
    void theFloorOfABenchmarkDayIsACompleteSolutionOfTheOptimisationModel() throws Exception {
        SchedulingProblem problem = DznReader.read(DznReaderTest.resource("forumt-14crafd.original.dzn"));
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        CpSatScheduler.loadNatives();
        int[] floor = CpSatScheduler.floor(analysis, 0.3);
        assertThat(floor).as("first-fit leaves some out here, so the partial model").contains(-1);
        CpSatModel model = new CpSatModel(analysis, false, CpSatScheduler.Options.DEFAULT);
        model.hint(floor);
        assertThat(model.hintIsASolution(10)).isTrue();
    }

    @Test
    void anOptimalScheduleIsACompleteSolutionOfEveryModel() throws Exception {
        SchedulingProblem problem = DznReader.read(DznReaderTest.resource("tic-12.original.dzn"));
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        ScheduleResult optimal = new CpSatScheduler().solve(problem, Duration.ofSeconds(60),
                Scheduler.ProgressListener.NONE);
        int[] slots = slots(problem, optimal);
        for (CpSatModel model : List.of(new CpSatModel(analysis, true, CpSatScheduler.Options.DEFAULT),
                new CpSatModel(analysis, true, CpSatScheduler.Options.DEFAULT, 0),
                new CpSatModel(analysis, false, CpSatScheduler.Options.DEFAULT))) {
            model.hint(slots);
            assertThat(model.hintIsASolution(10)).isTrue();
        }
    }

    @Test
    void aScheduleWithOneBreakIsACompleteSolutionOfTheSuspectModel() {
        // A-B, B-C, C-A in three slots: one participant waits once
        SchedulingProblem problem = CpSatSchedulerTest.problem(3, 3, 3, 1, 2, Map.of(),
                MeetingRequest.of(0, 1), MeetingRequest.of(1, 2), MeetingRequest.of(2, 0));
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        CpSatScheduler.loadNatives();
        int[] slots = {0, 1, 2}; // participant 1 meets in 0 and 1, participant 0 in 0 and 2: a break
        CpSatModel model = new CpSatModel(analysis, true, CpSatScheduler.Options.DEFAULT, 1, List.of(0));
        model.hint(slots);
        assertThat(model.hintIsASolution(10)).isTrue();
        CpSatModel optimisation = new CpSatModel(analysis, true, CpSatScheduler.Options.DEFAULT);
        optimisation.hint(slots);
        assertThat(optimisation.hintIsASolution(10)).isTrue();
    }

    private static int[] slots(SchedulingProblem problem, ScheduleResult result) {
        int[] slots = new int[problem.meetings().size()];
        Arrays.fill(slots, -1);
        result.placements().forEach(p -> slots[p.meeting()] = p.slot());
        return slots;
    }
}
