package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link FairPart}: meetings taken out of an unfair schedule until it is fair, and a fair one left as it is. */
class FairPartTest {

    @Test
    void anUnfairScheduleLosesOnlyWhatFairnessNeeds() {
        // participant 0 meets 1, 2, 3 in slots 0, 2, 4 (2 breaks), 3 meets 4 next to it (no break); d = 1: one of
        // 0's three meetings goes (any leaves it one break), not 3's other one, and nothing more
        SchedulingProblem problem = CpSatSchedulerTest.problem(5, 5, 5, 2, 1, Map.of(),
                MeetingRequest.of(0, 1), MeetingRequest.of(0, 2), MeetingRequest.of(0, 3), MeetingRequest.of(3, 4));
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        int[] unfair = {0, 2, 4, 3};

        int[] fair = FairPart.of(analysis, unfair);

        ScheduleResult result = CpSatScheduler.resultOf(analysis, fair);
        assertThat(result.fairnessGap()).isLessThanOrEqualTo(1);
        assertThat(result.placements()).hasSize(3);
        assertThat(fair[3]).isEqualTo(3);
        for (int m = 0; m < fair.length; m++) {
            assertThat(fair[m]).as("meeting %d kept where it was, or left out", m).isIn(unfair[m], -1);
        }
        assertThat(unfair).as("the start is not changed").containsExactly(0, 2, 4, 3);
    }

    @Test
    void aFairScheduleIsKeptAsItIs() {
        SchedulingProblem problem = CpSatSchedulerTest.problem(3, 5, 5, 1, 0, Map.of(),
                MeetingRequest.of(0, 1), MeetingRequest.of(1, 2), MeetingRequest.of(2, 0));
        ProblemAnalysis analysis = new ProblemAnalysis(problem);

        assertThat(FairPart.of(analysis, new int[] {0, 2, 4})).containsExactly(0, 2, 4); // everyone one break
        assertThat(FairPart.of(analysis, new int[] {0, 1, -1})).containsExactly(0, 1, -1);
    }

    @Test
    void aFixedMeetingGoesOnlyWhenNothingElseDoesAsWell() {
        // 0 meets 1 (fixed in slot 0) and 2 in slot 2: one break, d = 0 and participant 3 has none; taking out either
        // meeting makes it fair, so the free one goes
        MeetingRequest fixed = new MeetingRequest(0, 1, SessionPreference.ANY, 0, java.util.Set.of());
        SchedulingProblem problem = CpSatSchedulerTest.problem(4, 3, 3, 1, 0, Map.of(), fixed, MeetingRequest.of(0, 2));
        ProblemAnalysis analysis = new ProblemAnalysis(problem);

        assertThat(FairPart.of(analysis, new int[] {0, 2})).containsExactly(0, -1);
    }
}
