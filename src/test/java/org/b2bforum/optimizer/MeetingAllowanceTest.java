package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The meeting limit before solving: what exceeds a participant's allowance is left out, in priority order. */
class MeetingAllowanceTest {

    @Test
    void wishes_beyond_a_participants_allowance_are_left_out_with_the_limit_and_the_meetings_it_had_left() {
        // participant 0 has 2 of its 3 meetings already: one more fits
        SchedulingProblem problem = problem(4, List.of(MeetingRequest.of(0, 1), MeetingRequest.of(0, 2),
                MeetingRequest.of(0, 3), MeetingRequest.of(1, 2)));

        List<Unplaced> beyond = MeetingAllowance.beyond(problem, 3, new int[] {2, 0, 0, 0}, List.of(0, 1, 2, 3));

        assertThat(beyond).containsExactly(new Unplaced(1, Unplaced.Reason.LIMIT_REACHED, 0, 3, 1),
                new Unplaced(2, Unplaced.Reason.LIMIT_REACHED, 0, 3, 1));
    }

    @Test
    void the_must_meet_wish_keeps_the_allowance_though_listed_after_the_nice_to_have_one() {
        // meetings 0 and 1 are nice to have, 2 is a must; participant 0 may get one more meeting
        SchedulingProblem problem = problem(4, List.of(MeetingRequest.of(0, 1), MeetingRequest.of(0, 2),
                MeetingRequest.of(0, 3)));

        List<Unplaced> beyond = MeetingAllowance.beyond(problem, 12, new int[] {11, 0, 0, 0}, List.of(2, 0, 1));

        assertThat(beyond).extracting(Unplaced::meeting).containsExactly(0, 1);
        assertThat(beyond).allSatisfy(u -> assertThat(u.reason()).isEqualTo(Unplaced.Reason.LIMIT_REACHED));
    }

    @Test
    void a_meeting_that_cannot_be_placed_anyway_uses_up_no_allowance_and_fixed_meetings_are_never_left_out() {
        // 1 cannot meet at all (both slots forbidden); meeting 0 is fixed in slot 0
        List<MeetingRequest> meetings = List.of(
                new MeetingRequest(0, 3, SessionPreference.ANY, 0, Set.of()),
                MeetingRequest.of(0, 1), MeetingRequest.of(0, 2));
        SchedulingProblem problem = new SchedulingProblem(4, 2, 2, new int[] {2, 2}, meetings,
                List.of(Set.of(), Set.of(0, 1), Set.of(), Set.of()), 2);

        List<Unplaced> beyond = MeetingAllowance.beyond(problem, 2, new int[] {1, 0, 0, 1}, List.of(0, 1, 2));

        assertThat(beyond).isEmpty();
        assertThat(MeetingAllowance.beyond(problem, 1, new int[] {1, 0, 0, 1}, List.of(0, 1, 2)))
                .extracting(Unplaced::meeting).containsExactly(2);
    }

    private static SchedulingProblem problem(int participants, List<MeetingRequest> meetings) {
        return new SchedulingProblem(participants, 4, 2, new int[] {2, 2, 2, 2}, meetings,
                java.util.Collections.nCopies(participants, Set.<Integer>of()), 2);
    }
}
