package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The greedy baseline: first free slot, first free table, and the reasons for what it cannot place. */
class GreedySchedulerTest {

    private final GreedyScheduler greedy = new GreedyScheduler();

    @Test
    void each_meeting_takes_the_first_slot_where_both_are_free_and_a_table_is_left() {
        // participants 0..3, three slots, one table in slot 0, two later; 1 cannot meet in slot 1
        SchedulingProblem problem = new SchedulingProblem(4, 3, 3, new int[] {1, 2, 2},
                List.of(MeetingRequest.of(0, 1), MeetingRequest.of(2, 3), MeetingRequest.of(0, 2),
                        MeetingRequest.of(1, 3)),
                List.of(Set.of(), Set.of(1), Set.of(), Set.of()), 2);

        ScheduleResult result = greedy.solve(problem, Duration.ofSeconds(1), Scheduler.ProgressListener.NONE);

        assertThat(result.unplaced()).isEmpty();
        // slot 0 has one table; 2 is busy in slot 1; 1 cannot meet in slot 1
        assertThat(result.placements()).containsExactly(new Placement(0, 0, 0), new Placement(1, 1, 0),
                new Placement(2, 2, 0), new Placement(3, 2, 1));
        // 0: slots 0 and 2 (a break) · 1: slots 0 and 2 (a break) · 2: slots 1, 2 · 3: slots 1, 2
        assertThat(result.totalBreaks()).isEqualTo(2);
        assertThat(result.maxBreaks()).isEqualTo(1);
        assertThat(result.fairnessGap()).isEqualTo(1);
        assertThat(result.lowerBound()).isZero();
        assertThat(result.provedOptimal()).isFalse();
    }

    @Test
    void fixed_meetings_keep_their_slot_and_session_preferences_are_kept() {
        List<MeetingRequest> meetings = List.of(
                MeetingRequest.of(0, 1),
                new MeetingRequest(0, 2, SessionPreference.ANY, 0, Set.of()),
                new MeetingRequest(1, 2, SessionPreference.AFTERNOON, MeetingRequest.FREE, Set.of()),
                new MeetingRequest(2, 3, SessionPreference.MORNING, MeetingRequest.FREE, Set.of()));
        SchedulingProblem problem = new SchedulingProblem(4, 4, 2, new int[] {2, 2, 2, 2}, meetings,
                List.of(Set.of(), Set.of(), Set.of(), Set.of()), 2);

        ScheduleResult result = greedy.solve(problem, Duration.ofSeconds(1), Scheduler.ProgressListener.NONE);

        assertThat(result.unplaced()).isEmpty();
        assertThat(result.placements()).containsExactlyInAnyOrder(new Placement(1, 0, 0), new Placement(0, 1, 0),
                new Placement(2, 2, 0), new Placement(3, 1, 1));
    }

    @Test
    void what_does_not_fit_is_listed_with_its_reason() {
        List<MeetingRequest> meetings = new ArrayList<>();
        meetings.add(MeetingRequest.of(0, 1));
        meetings.add(MeetingRequest.of(0, 2));
        meetings.add(MeetingRequest.of(0, 3)); // 0 wants three meetings in two slots
        meetings.add(MeetingRequest.of(4, 5)); // 4 and 5 are never free together
        meetings.add(MeetingRequest.of(6, 7)); // both free in slot 0 only, where the tables are full
        meetings.add(new MeetingRequest(1, 2, SessionPreference.ANY, 0, Set.of()));
        meetings.add(new MeetingRequest(2, 3, SessionPreference.ANY, 0, Set.of())); // 2 is fixed twice in slot 0
        SchedulingProblem problem = new SchedulingProblem(8, 2, 1, new int[] {2, 2}, List.copyOf(meetings),
                List.of(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(0), Set.of(1), Set.of(1), Set.of(1)), 2);

        ScheduleResult result = greedy.solve(problem, Duration.ofSeconds(1), Scheduler.ProgressListener.NONE);

        // fixed meetings first: 5 in slot 0; then 0 (slot 1), 1 (0 is busy in both slots), 2 (slot 0)
        assertThat(result.unplaced()).extracting(Unplaced::meeting, Unplaced::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, Unplaced.Reason.TOO_MANY_MEETINGS),
                org.assertj.core.groups.Tuple.tuple(3, Unplaced.Reason.NO_COMMON_SLOT),
                org.assertj.core.groups.Tuple.tuple(4, Unplaced.Reason.NO_TABLE),
                org.assertj.core.groups.Tuple.tuple(6, Unplaced.Reason.CONFLICTING_CONSTRAINTS));
        Unplaced tooMany = result.unplaced().getFirst();
        assertThat(tooMany.participant()).isZero();
        assertThat(tooMany.wanted()).isEqualTo(3);
        assertThat(tooMany.available()).isEqualTo(2);
        assertThat(result.placements()).containsExactlyInAnyOrder(new Placement(5, 0, 0), new Placement(0, 1, 0),
                new Placement(2, 0, 1));
    }
}
