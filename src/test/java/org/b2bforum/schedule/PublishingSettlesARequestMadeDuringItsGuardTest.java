package org.b2bforum.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.meeting.ScheduledMeeting;
import org.b2bforum.program.BookingSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A publication's guard reads the day (plain reads) before the companies' locks, which fixes its transaction's snapshot
 * (REPEATABLE READ): a request of the pair committed meanwhile is locked with the others but invisible to plain reads.
 * It is settled all the same. Before, the filter kept only the requests the snapshot saw as waiting: the pair had a
 * confirmed meeting and a request still waiting, and nobody was told (mend51b). A request for the scheduled slot itself,
 * committed meanwhile, becomes the published meeting (the lead, stop 51: the second reading feared a duplicate key there).
 */
@ForumSpringTest
class PublishingSettlesARequestMadeDuringItsGuardTest {

    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    BookingFixture booking;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_request_of_the_pair_committed_while_the_guard_runs_is_settled_by_the_published_meeting() throws Exception {
        TestSession session = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        List<TestCompany> c = booking.approvedCompanies(2);
        long madeMeanwhile = publishWithARequestMadeDuringTheGuard(session, c, 1).madeMeanwhile();

        assertThat(jdbc.queryForObject("select status from meeting where id = ?", String.class, madeMeanwhile))
                .as("settled by the scheduled meeting, not left waiting beside it").isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("""
                select count(*) from notification n join app_user u on u.id = n.user_id
                where u.company_id = ? and n.message_key = 'notification.meeting.SETTLED'""", Integer.class,
                c.get(0).id())).as("the requester is told").isEqualTo(1);
    }

    @Test
    void a_request_for_the_scheduled_slot_committed_while_the_guard_runs_becomes_the_published_meeting() throws Exception {
        TestSession session = booking.session(1, LocalTime.of(10, 0), LocalTime.of(10, 30), 20);
        List<TestCompany> c = booking.approvedCompanies(2);
        Published published = publishWithARequestMadeDuringTheGuard(session, c, 0);

        assertThat(published.ids()).as("the request made meanwhile for that slot becomes the meeting, not a second row")
                .containsExactly(published.madeMeanwhile());
        assertThat(jdbc.queryForObject("select status from meeting where id = ?", String.class,
                published.madeMeanwhile())).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select count(*) from meeting where slot_id = ?", Integer.class,
                session.slot(0).id())).isEqualTo(1);
    }

    @Test
    void a_request_committed_while_the_guard_runs_counts_against_the_meeting_limit() throws Exception {
        TestSession session = booking.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        List<TestCompany> c = booking.approvedCompanies(3);
        booking.bookingSettings(new BookingSettings(null, null, 1, false));
        long table = jdbc.queryForObject("select id from meeting_table where hall_id = ? order by number limit 1",
                Long.class, session.hallId());
        ExecutorService other = Executors.newSingleThreadExecutor();
        long[] madeMeanwhile = new long[1];
        try {
            assertThatThrownBy(() -> booking.asOrganizer(() -> organizerBookings.publishScheduled(List.of(
                    new ScheduledMeeting(c.get(0).id(), c.get(1).id(), session.slot(0).id(), table)), () -> {
                        jdbc.queryForObject("select count(*) from meeting", Integer.class);
                        if (madeMeanwhile[0] == 0) {
                            // the first company's one meeting the limit allows, asked of a third meanwhile
                            madeMeanwhile[0] = await(other.submit(() -> booking.as(c.get(0), () -> meetingRequests
                                    .request(c.get(2).id(), session.slot(1).id(), List.of(c.get(0).firstDelegate()),
                                            null).meetingId())));
                        }
                    })))
                    .as("the request made meanwhile is counted: the schedule would take the company over the limit")
                    .isInstanceOfSatisfying(BookingRefusedException.class,
                            e -> assertThat(e.key()).isEqualTo("meeting.error.scheduled-limit"));
        } finally {
            other.shutdownNow();
            other.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(jdbc.queryForObject("select count(*) from meeting where slot_id = ?", Integer.class,
                session.slot(0).id())).as("nothing published").isZero();
    }

    private record Published(List<Long> ids, long madeMeanwhile) {
    }

    /**
     * Publishes the first company's meeting with the second in the session's first slot; while the guard runs (after
     * its plain read, as ScheduleService's problems.build(day)), the first company requests the second for the slot
     * {@code requestedSlot} on another thread, committed before the publication's locks.
     */
    private Published publishWithARequestMadeDuringTheGuard(TestSession session, List<TestCompany> c, int requestedSlot)
            throws InterruptedException {
        booking.bookingSettings(new BookingSettings(null, null, 200, false));
        long table = jdbc.queryForObject("select id from meeting_table where hall_id = ? order by number limit 1",
                Long.class, session.hallId());
        ExecutorService other = Executors.newSingleThreadExecutor();
        long[] madeMeanwhile = new long[1];
        try {
            List<Long> ids = booking.asOrganizer(() -> organizerBookings.publishScheduled(List.of(
                    new ScheduledMeeting(c.get(0).id(), c.get(1).id(), session.slot(0).id(), table)), () -> {
                        // the guard's plain read, as ScheduleService's problems.build(day): the snapshot is taken
                        jdbc.queryForObject("select count(*) from meeting", Integer.class);
                        if (madeMeanwhile[0] == 0) {
                            madeMeanwhile[0] = await(other.submit(() -> booking.as(c.get(0), () -> meetingRequests
                                    .request(c.get(1).id(), session.slot(requestedSlot).id(),
                                            List.of(c.get(0).firstDelegate()), null).meetingId())));
                        }
                    }));
            return new Published(ids, madeMeanwhile[0]);
        } finally {
            other.shutdownNow();
            other.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private static long await(Future<Long> request) {
        try {
            return request.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
