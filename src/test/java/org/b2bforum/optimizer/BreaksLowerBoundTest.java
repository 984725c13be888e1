package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's implied constraints: a participant whose own meetings cannot lie in one window of consecutive
 * slots has a break whatever the others do, and the sum of these bounds is a lower bound on the total. They
 * must never cut off an optimum.
 */
class BreaksLowerBoundTest {

    @Test
    void aParticipantWhoseOnlyFreeSlotsAreApartMustBreakOnce() {
        // participant 0 meets 1 and 2 in three slots but may not meet in the middle one
        SchedulingProblem problem = CpSatSchedulerTest.problem(3, 3, 3, 2, 2, Map.of(0, Set.of(1)),
                MeetingRequest.of(0, 1), MeetingRequest.of(0, 2));
        ProblemAnalysis analysis = new ProblemAnalysis(problem);
        assertThat(analysis.minBreaks(0)).isEqualTo(1);
        assertThat(analysis.minBreaks(1)).isZero();
        assertThat(analysis.breaksLowerBound()).isEqualTo(1);
        assertThat(BruteForce.optimum(problem)).isEqualTo(1);
    }

    @Test
    void threeSeparatedFreeSlotsMeanTwoBreaks() {
        // five slots, participant 0 free only in 0, 2 and 4 for its three meetings
        SchedulingProblem problem = CpSatSchedulerTest.problem(4, 5, 5, 3, 2, Map.of(0, Set.of(1, 3)),
                MeetingRequest.of(0, 1), MeetingRequest.of(0, 2), MeetingRequest.of(0, 3));
        assertThat(new ProblemAnalysis(problem).minBreaks(0)).isEqualTo(2);
    }

    @Test
    void onTheBenchmarkDaysInTheRepositoryTheBoundNeverExceedsThePublishedOptimum() throws Exception {
        Map<String, Integer> optima = Map.of("forumt-14", 5, "forumt-14crafd", 4, "tic-12", 0);
        for (var entry : optima.entrySet()) {
            SchedulingProblem problem = DznReader.read(DznReaderTest.resource(entry.getKey() + ".original.dzn"));
            assertThat(new ProblemAnalysis(problem).breaksLowerBound()).as(entry.getKey())
                    .isLessThanOrEqualTo(entry.getValue());
        }
        // and where the days force breaks, it is the optimum itself
        assertThat(new ProblemAnalysis(DznReader.read(DznReaderTest.resource("forumt-14.original.dzn")))
                .breaksLowerBound()).isEqualTo(5);
    }

    @Test
    void randomSmallDaysWithManyForbiddenSlotsKeepTheirBruteForceOptimum() {
        java.util.Random random = new java.util.Random(15);
        CpSatScheduler scheduler = new CpSatScheduler();
        int forcedSomewhere = 0;
        for (int round = 0; round < 16; round++) {
            int participants = 4 + random.nextInt(2);
            int slots = 4 + random.nextInt(2);
            List<MeetingRequest> meetings = new ArrayList<>();
            Set<String> pairs = new HashSet<>();
            int count = 4 + random.nextInt(2);
            while (meetings.size() < count) {
                int a = random.nextInt(participants);
                int b = random.nextInt(participants);
                if (a != b && pairs.add(Math.min(a, b) + "-" + Math.max(a, b))) {
                    meetings.add(MeetingRequest.of(a, b));
                }
            }
            Map<Integer, Set<Integer>> forbidden = new HashMap<>();
            for (int p = 0; p < participants; p++) {
                if (random.nextBoolean()) {
                    forbidden.put(p, Set.of(1 + random.nextInt(slots - 2)));
                }
            }
            SchedulingProblem problem = CpSatSchedulerTest.problem(participants, slots, slots, 2, 2, forbidden,
                    meetings.toArray(MeetingRequest[]::new));
            int optimum = BruteForce.optimum(problem);
            int bound = new ProblemAnalysis(problem).breaksLowerBound();
            if (optimum < 0) {
                continue;
            }
            forcedSomewhere += bound > 0 ? 1 : 0;
            assertThat(bound).as("round %d", round).isLessThanOrEqualTo(optimum);
            ScheduleResult result = scheduler.solve(problem, Duration.ofSeconds(20), Scheduler.ProgressListener.NONE);
            ScheduleChecker.assertValid(problem, result);
            assertThat(result.unplaced()).as("round %d", round).isEmpty();
            assertThat(result.totalBreaks()).as("round %d", round).isEqualTo(optimum);
            assertThat(result.provedOptimal()).as("round %d", round).isTrue();
            assertThat(result.lowerBound()).as("round %d", round).isEqualTo(optimum);
        }
        assertThat(forcedSomewhere).as("days where the bound says something").isGreaterThan(2);
    }
}
