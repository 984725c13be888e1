package org.b2bforum.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.b2bforum.venue.Attendance;
import org.b2bforum.venue.Outcome;
import org.junit.jupiter.api.Test;

/** A rehearsal after the demo forum shows a plausible finished forum: the marks and outcomes the demo writes. */
class DemoVenueTest {

    private static final int MEETINGS = 90;

    @Test
    void most_meetings_of_the_finished_demo_forum_are_held_and_a_few_are_no_shows() {
        long noShows = IntStream.range(0, MEETINGS).filter(i -> DemoVenue.attendanceOf(i) == Attendance.NO_SHOW).count();

        assertThat(noShows).isEqualTo(10);
        assertThat(DemoVenue.attendanceOf(0)).isEqualTo(Attendance.HELD);
    }

    @Test
    void the_companies_record_outcomes_of_most_held_meetings_of_every_kind() {
        Map<Outcome, Integer> recorded = new EnumMap<>(Outcome.class);
        int heldWithNone = 0;
        for (int i = 0; i < MEETINGS; i++) {
            if (DemoVenue.attendanceOf(i) == Attendance.NO_SHOW) {
                continue;
            }
            Optional<Outcome> requester = DemoVenue.outcomeOf(i, true);
            Optional<Outcome> partner = DemoVenue.outcomeOf(i, false);
            requester.ifPresent(o -> recorded.merge(o, 1, Integer::sum));
            partner.ifPresent(o -> recorded.merge(o, 1, Integer::sum));
            heldWithNone += requester.isEmpty() && partner.isEmpty() ? 1 : 0;
        }

        assertThat(recorded).containsOnlyKeys(Outcome.values());
        assertThat(recorded.get(Outcome.FOLLOW_UP)).as("following up the commonest").isGreaterThan(
                recorded.get(Outcome.AGREEMENT_SIGNED));
        assertThat(heldWithNone).as("some held meetings with no outcome from either side").isPositive()
                .isLessThan(MEETINGS / 4);
    }
}
