package org.b2bforum.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.b2bforum.schedule.ScheduleReview.Cell;
import org.b2bforum.schedule.ScheduleReview.CellKind;
import org.b2bforum.schedule.ScheduleReview.CompanyDay;
import org.junit.jupiter.api.Test;

/** What the review tells beside the stored figures. */
class ScheduleReviewTest {

    @Test
    void the_confirmed_meetings_gap_counts_only_the_confirmed_cells() {
        // company 1: confirmed, break, new meeting, confirmed, free, confirmed -> its confirmed meetings alone have 2
        // breaks (the new meeting fills one of them in the run); company 2: one confirmed meeting, none
        CompanyDay first = day(1, CellKind.FIXED, CellKind.BREAK, CellKind.MEETING, CellKind.FIXED, CellKind.BREAK,
                CellKind.FIXED);
        CompanyDay second = day(2, CellKind.FREE, CellKind.FIXED, CellKind.MEETING, CellKind.FREE, CellKind.FREE,
                CellKind.FREE);

        assertThat(new ScheduleReview(null, List.of(), List.of(), List.of(), List.of(first, second), false)
                .confirmedMeetingsGap()).isEqualTo(2);
        assertThat(new ScheduleReview(null, List.of(), List.of(), List.of(), List.of(), false).confirmedMeetingsGap())
                .isZero();
    }

    private static CompanyDay day(long id, CellKind... kinds) {
        List<Cell> cells = java.util.Arrays.stream(kinds).map(k -> new Cell(k, null, null, null)).toList();
        return new CompanyDay(id, "c" + id, cells, 0, 0);
    }
}
