package org.b2bforum.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableAssignerTest {

    @Test
    void aCompanyKeepsItsTableAcrossConsecutiveMeetings() {
        // participant 0 meets 1, 2, 3 in slots 0, 1, 2; participants 4-5 and 6-7 meet in slot 1 too
        SchedulingProblem problem = CpSatSchedulerTest.problem(8, 3, 3, 3, 2, Map.of(),
                MeetingRequest.of(4, 5), MeetingRequest.of(6, 7), MeetingRequest.of(0, 1), MeetingRequest.of(2, 0),
                MeetingRequest.of(0, 3), MeetingRequest.of(5, 7));
        int[] slots = {1, 1, 0, 1, 2, 2};
        List<Placement> placements = TableAssigner.assign(problem, slots);
        assertThat(placements).hasSize(6);
        int t01 = placements.get(2).table();
        assertThat(placements.get(3).table()).isEqualTo(t01);
        assertThat(placements.get(4).table()).isEqualTo(t01);
        // 5 and 7 met at different tables in slot 1; in slot 2 they meet at one of those two tables
        assertThat(placements.get(5).table()).isIn(placements.get(0).table(), placements.get(1).table());
        for (int s = 0; s < 3; s++) {
            int slot = s;
            assertThat(placements.stream().filter(p -> p.slot() == slot).map(Placement::table).distinct().count())
                    .isEqualTo(placements.stream().filter(p -> p.slot() == slot).count());
        }
    }

    @Test
    void collidingClaimsAreResolvedByMatching() {
        // slot 0: 0-1 at some table, 2-3 at another; slot 1: 0-2 and 1-3 both could keep a table
        SchedulingProblem problem = CpSatSchedulerTest.problem(4, 2, 2, 2, 2, Map.of(),
                MeetingRequest.of(0, 1), MeetingRequest.of(2, 3), MeetingRequest.of(0, 2), MeetingRequest.of(1, 3));
        List<Placement> placements = TableAssigner.assign(problem, new int[] {0, 0, 1, 1});
        // each slot-1 meeting sits at a table one of its companies had
        assertThat(placements.get(2).table()).isIn(placements.get(0).table(), placements.get(1).table());
        assertThat(placements.get(3).table()).isIn(placements.get(0).table(), placements.get(1).table());
        assertThat(placements.get(2).table()).isNotEqualTo(placements.get(3).table());
    }

    @Test
    void rejectsAnOverfullSlot() {
        SchedulingProblem problem = CpSatSchedulerTest.problem(4, 1, 1, 1, 2, Map.of(),
                MeetingRequest.of(0, 1), MeetingRequest.of(2, 3));
        assertThatThrownBy(() -> TableAssigner.assign(problem, new int[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
