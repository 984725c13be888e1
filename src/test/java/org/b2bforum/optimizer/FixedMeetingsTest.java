package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fixed meetings (the product's confirmed ones) are never left out, not even to make the day fair; where they alone are
 * further apart than d the answer says so ({@link ScheduleResult#fixedMeetingsGap}); and the bound they give
 * ({@link ProblemAnalysis#fixedBreaksLowerBound}) never exceeds the fewest breaks of a schedule keeping them.
 */
class FixedMeetingsTest {

    /**
     * Participant 0 has confirmed meetings in slots 0, 2, 4 and 6 and is at program items in 1, 3 and 5: three breaks
     * whatever happens, where participant 5's one meeting has none, so no schedule keeping them is fair within d = 2.
     * Before, the build left a confirmed meeting out to make the day fair (and the product kept it anyway: ux50's
     * forum day, a stored gap of 5).
     */
    @Test
    void aConfirmedMeetingIsNeverLeftOutToMakeTheDayFair() {
        SchedulingProblem day = CpSatSchedulerTest.problem(7, 8, 4, 2, SchedulingProblem.DEFAULT_FAIRNESS,
                Map.of(0, Set.of(1, 3, 5)), fixed(0, 1, 0), fixed(0, 2, 2), fixed(0, 3, 4), fixed(0, 4, 6),
                MeetingRequest.of(5, 6), MeetingRequest.of(1, 2), MeetingRequest.of(0, 6));

        ScheduleResult result = new CpSatScheduler().solve(day, Duration.ofSeconds(2), Scheduler.ProgressListener.NONE);

        ScheduleChecker.assertValid(day, result);
        assertThat(result.unplaced()).extracting(Unplaced::meeting).doesNotContain(0, 1, 2, 3);
        assertThat(result.placements()).filteredOn(p -> p.meeting() < 4).extracting(Placement::slot)
                .containsExactlyInAnyOrder(0, 2, 4, 6);
        assertThat(result.fixedMeetingsGap()).isEqualTo(3);
        assertThat(result.fairnessGap()).isEqualTo(3);
        assertThat(result.unfairBecauseOfFixedMeetings(day.fairness())).isTrue();
        assertThat(result.lowerBound()).as("0's three gaps cannot be filled").isGreaterThanOrEqualTo(3);
        assertThat(result.placements()).as("the free meetings still placed").hasSize(7);
    }

    /** FairPart takes free meetings out, never a kept fixed one, even where that leaves the day unfair. */
    @Test
    void theFairPartNeverTakesOutAKeptMeeting() {
        // 0 meets 1 (fixed, slot 0) and 2 (fixed, slot 2) and 3 (free, slot 4): two breaks, d = 0; 4 meets 5 (no
        // break). Taking out the free one leaves the fixed meetings' own gap, 1, which is the bound kept
        MeetingRequest first = fixed(0, 1, 0);
        MeetingRequest second = fixed(0, 2, 2);
        SchedulingProblem day = CpSatSchedulerTest.problem(6, 5, 5, 1, 0, Map.of(), first, second,
                MeetingRequest.of(0, 3), MeetingRequest.of(4, 5));
        ProblemAnalysis analysis = new ProblemAnalysis(day);
        assertThat(analysis.fairness()).isEqualTo(1);

        int[] fair = FairPart.of(analysis, new int[] {0, 2, 4, 1});

        assertThat(fair[0]).isZero();
        assertThat(fair[1]).isEqualTo(2);
        ScheduleResult result = CpSatScheduler.resultOf(analysis, fair);
        ScheduleChecker.assertValid(day, result);
        assertThat(result.fairnessGap()).isEqualTo(1);
        assertThat(result.fixedMeetingsGap()).isEqualTo(1);
    }

    /** Fixed meetings that collide (one participant twice in a slot) cannot all be kept: the first is, as before. */
    @Test
    void collidingFixedMeetingsKeepTheFirst() {
        SchedulingProblem day = CpSatSchedulerTest.problem(3, 3, 3, 2, 2, Map.of(), fixed(0, 1, 1), fixed(0, 2, 1));
        ProblemAnalysis analysis = new ProblemAnalysis(day);

        assertThat(analysis.kept(0)).isTrue();
        assertThat(analysis.kept(1)).isFalse();
        ScheduleResult result = new CpSatScheduler().solve(day, Duration.ofSeconds(1), Scheduler.ProgressListener.NONE);
        assertThat(result.placements()).extracting(Placement::meeting).containsExactly(0);
        assertThat(result.unplaced()).extracting(Unplaced::reason)
                .containsExactly(Unplaced.Reason.CONFLICTING_CONSTRAINTS);
    }

    /**
     * The fixed meetings' bound against brute force on small random days with fixed meetings, forbidden slots and
     * scarce tables: never above the fewest breaks of any schedule keeping the fixed meetings (whatever else it
     * leaves out), and above 0 on some of them.
     */
    @Test
    void theFixedMeetingsBoundNeverExceedsTheOptimum() {
        Random random = new Random(15);
        int positive = 0;
        int tight = 0;
        for (int round = 0; round < 60; round++) {
            SchedulingProblem day = randomDay(random);
            int bound = new ProblemAnalysis(day).fixedBreaksLowerBound();
            int optimum = BruteForce.fewestKeepingFixed(day);
            assertThat(bound).as("round %d: %s", round, day).isLessThanOrEqualTo(optimum);
            positive += bound > 0 ? 1 : 0;
            tight += bound == optimum && bound > 0 ? 1 : 0;
        }
        assertThat(positive).as("days with a bound above 0").isGreaterThan(10);
        assertThat(tight).as("days where it is the optimum").isGreaterThan(0);
    }

    private static SchedulingProblem randomDay(Random random) {
        int participants = 5;
        int slots = 6;
        boolean[][] busy = new boolean[participants][slots];
        int[] tables = new int[slots];
        for (int s = 0; s < slots; s++) {
            tables[s] = 1 + random.nextInt(2);
        }
        int[] used = new int[slots];
        List<MeetingRequest> meetings = new ArrayList<>();
        while (meetings.size() < 7) {
            int a = random.nextInt(participants);
            int b = random.nextInt(participants);
            if (a == b) {
                continue;
            }
            boolean fixed = meetings.size() < 3 + random.nextInt(2);
            int s = random.nextInt(slots);
            if (fixed && (busy[a][s] || busy[b][s] || used[s] >= tables[s])) {
                continue;
            }
            if (fixed) {
                busy[a][s] = busy[b][s] = true;
                used[s]++;
            }
            meetings.add(fixed ? fixed(a, b, s) : MeetingRequest.of(a, b));
        }
        List<Set<Integer>> forbidden = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            int s = random.nextInt(slots);
            forbidden.add(random.nextInt(3) == 0 && !busy[p][s] ? Set.of(s) : Set.of());
        }
        return new SchedulingProblem(participants, slots, 3, tables, meetings, forbidden, 2);
    }

    /**
     * A day the size of ux50's forum day (500 companies, 21 slots of 100 tables, 838 confirmed meetings, 2,940 wished
     * ones; FairPartTest's): the confirmed meetings alone are further apart than d, so the day cannot be fair within d
     * while keeping them. The fair part keeps every one of them, its gap within theirs, and the bound they give is
     * above 0 (the other bounds are 0 where not every meeting fits).
     */
    @Test
    void aForumScaleDayKeepsEveryConfirmedMeetingAndHasABound() {
        FairPartTest.ForumDay forum = FairPartTest.forumScaleDay();
        SchedulingProblem day = forum.day();
        ProblemAnalysis analysis = new ProblemAnalysis(day);
        int[] start = forum.start();
        assertThat(analysis.fixedGap).isGreaterThan(day.fairness());

        int[] fair = FairPart.of(analysis, start);

        ScheduleResult result = CpSatScheduler.resultOf(analysis, fair);
        ScheduleChecker.assertValid(day, result);
        for (int m = 0; m < fair.length; m++) {
            if (day.meetings().get(m).isFixed()) {
                assertThat(fair[m]).as("confirmed meeting %d", m).isEqualTo(day.meetings().get(m).fixedSlot());
            }
        }
        assertThat(result.fairnessGap()).isLessThanOrEqualTo(analysis.fixedGap);
        assertThat(result.fixedMeetingsGap()).isEqualTo(analysis.fixedGap);
        long started = System.nanoTime();
        int bound = analysis.fixedBreaksLowerBound();
        assertThat((System.nanoTime() - started) / 1e9).as("seconds").isLessThan(20);
        assertThat(bound).isPositive().isLessThanOrEqualTo(result.totalBreaks());
        assertThat(result.lowerBound()).isEqualTo(bound);
    }

    static MeetingRequest fixed(int first, int second, int slot) {
        return new MeetingRequest(first, second, SessionPreference.ANY, slot, Set.of());
    }
}
