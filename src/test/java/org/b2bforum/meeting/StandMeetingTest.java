package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestClock;
import org.b2bforum.fair.FairFixture;
import org.b2bforum.fair.FairService;
import org.b2bforum.venue.Attendance;
import org.b2bforum.venue.AttendanceService;
import org.b2bforum.venue.OutcomeReport;
import org.b2bforum.venue.OutcomeService;
import org.b2bforum.venue.TableMeeting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Meet at my stand": a meeting at an exhibitor's fair stand instead of a table, in the same slots and
 * under the same guarantees — a stand hosts one meeting at a time and its people are busy then.
 */
@ForumSpringTest
class StandMeetingTest {

    @Autowired
    MeetingQueries meetings;
    @Autowired
    MeetingRequests requests;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    FairService fair;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BookingFixture fixture;
    @Autowired
    FairFixture fairFixture;
    @Autowired
    BookingInvariants invariants;
    @Autowired
    AttendanceService attendance;
    @Autowired
    OutcomeService outcomes;

    TestSession session;
    TestCompany exhibitor;
    FairFixture.Stand stand;
    TestCompany visitor;

    @BeforeEach
    void setUp() {
        fixture.openBooking(false);
        session = fixture.session(1, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        exhibitor = fixture.approvedCompany();
        stand = fairFixture.standFor(exhibitor);
        visitor = fixture.approvedCompany();
    }


    @Test
    void stands_of_companies_that_are_not_approved_are_not_offered_and_a_company_not_approved_is_offered_none() {
        TestCompany other = fixture.approvedCompany();
        fairFixture.standFor(other);

        fixture.sendBackToReview(exhibitor); // its stand stays assigned while the organizers review it

        assertThat(fixture.as(visitor, () -> meetings.standsWith(exhibitor.id()))).isEmpty();
        assertThat(fixture.as(exhibitor, () -> meetings.standsWith(other.id()))).isEmpty();
        assertThat(fixture.as(visitor, () -> meetings.standsWith(other.id()))).singleElement()
                .satisfies(place -> assertThat(place.companyId()).isEqualTo(other.id()));
    }

    @Test
    void a_visitor_books_a_meeting_at_the_exhibitors_stand_which_is_confirmed_there_without_a_table() {
        assertThat(fixture.as(visitor, () -> meetings.standsWith(exhibitor.id()))).singleElement()
                .satisfies(place -> assertThat(place.number()).isEqualTo(stand.number()));
        long meetingId = fixture.as(visitor, () -> requests.requestAtStand(exhibitor.id(), stand.id(), slot(0),
                List.of(visitor.firstDelegate()), "Покажите автогрейдер").meetingId());
        fixture.as(exhibitor, () -> requests.accept(meetingId, List.of(exhibitor.delegateIds().get(1)), null));

        MeetingDetails meeting = fixture.asOrganizer(() -> meetings.meeting(meetingId));
        assertThat(meeting.status()).isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(meeting.standNumber()).isEqualTo(stand.number());
        assertThat(meeting.tableNumber()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from stand_slot_booking where meeting_id = ? and stand_id = ?",
                Integer.class, meetingId, stand.id())).isOne();
        assertThat(jdbc.queryForObject("select count(*) from table_slot_booking where meeting_id = ?", Integer.class,
                meetingId)).isZero();
        // the exhibitor's delegate at the stand is busy then
        assertThat(jdbc.queryForList("select delegate_id from delegate_slot_booking where meeting_id = ?", Long.class,
                meetingId)).containsExactlyInAnyOrder(visitor.firstDelegate(), exhibitor.delegateIds().get(1));
        assertThat(fixture.as(exhibitor, () -> meetings.myAgenda(null))).singleElement()
                .satisfies(entry -> assertThat(entry.standNumber()).isEqualTo(stand.number()));
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds()))).isZero();
    }

    @Test
    void a_meeting_at_a_stand_needs_no_table_so_a_slot_whose_tables_are_all_taken_still_has_room_at_the_stand() {
        TestCompany a = fixture.approvedCompany();
        TestCompany b = fixture.approvedCompany();
        MeetingRecords.requestAndAccept(fixture, requests, a, b, slot(0)); // the hall's only table

        assertThat(fixture.as(visitor, () -> meetings.freeSlotsWith(exhibitor.id(), List.of(visitor.firstDelegate()))))
                .extracting(SlotOption::slotId).doesNotContain(slot(0));
        assertThat(fixture.as(visitor, () -> meetings.freeStandSlotsWith(exhibitor.id(), stand.id(),
                List.of(visitor.firstDelegate())))).extracting(SlotOption::startsAt).contains(session.slot(0).startsAt());
        long meetingId = fixture.as(visitor, () -> requests.requestAtStand(exhibitor.id(), stand.id(), slot(0),
                List.of(visitor.firstDelegate()), null).meetingId());
        fixture.as(exhibitor, () -> requests.accept(meetingId, List.of(), null));

        assertThat(fixture.asOrganizer(() -> meetings.meeting(meetingId)).status()).isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds())))
                .as("%s", invariants.violations(session.slotIds())).isZero();
    }

    @Test
    void the_stand_hosts_one_meeting_at_a_time_and_the_database_refuses_a_second_one() {
        TestCompany second = fixture.approvedCompany();
        long first = fixture.as(visitor, () -> requests.requestAtStand(exhibitor.id(), stand.id(), slot(0),
                List.of(visitor.firstDelegate()), null).meetingId());
        long other = fixture.as(second, () -> requests.requestAtStand(exhibitor.id(), stand.id(), slot(0),
                List.of(second.firstDelegate()), null).meetingId());
        fixture.as(exhibitor, () -> requests.accept(first, List.of(), null));

        assertThatThrownBy(() -> fixture.as(exhibitor, () -> requests.accept(other, List.of(), null)))
                .isInstanceOf(BookingRefusedException.class).hasMessage("meeting.error.slot-taken");
        assertThat(fixture.as(exhibitor, () -> meetings.myRequestsTakenMeanwhile())).contains(other);
        assertThat(fixture.as(second, () -> meetings.freeStandSlotsWith(exhibitor.id(), stand.id(),
                List.of(second.firstDelegate())))).extracting(SlotOption::startsAt)
                .doesNotContain(session.slot(0).startsAt());
        // the last line of defence: the stand's key at that time
        assertThatThrownBy(() -> jdbc.update("""
                insert into stand_slot_booking (starts_at, slot_id, stand_id, meeting_id) values (?, ?, ?, ?)""",
                Timestamp.from(session.slot(0).startsAt()), slot(0), stand.id(), other))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_stand_of_neither_company_is_refused_in_words_and_nothing_is_booked() {
        TestCompany third = fixture.approvedCompany();
        FairFixture.Stand thirdStand = fairFixture.standFor(third);

        assertThatThrownBy(() -> fixture.as(visitor, () -> requests.requestAtStand(exhibitor.id(), thirdStand.id(),
                slot(0), List.of(visitor.firstDelegate()), null)))
                .isInstanceOf(BookingRefusedException.class).hasMessage("meeting.error.stand-not-theirs");
        assertThat(jdbc.queryForObject("select count(*) from meeting where requester_company_id = ?", Integer.class,
                visitor.id())).isZero();
    }

    @Test
    void cancelling_frees_the_stand_and_a_stand_with_meetings_ahead_cannot_be_freed() {
        long meetingId = fixture.as(visitor, () -> requests.requestAtStand(exhibitor.id(), stand.id(), slot(0),
                List.of(visitor.firstDelegate()), null).meetingId());
        fixture.as(exhibitor, () -> requests.accept(meetingId, List.of(), null));

        assertThatThrownBy(() -> fixture.asOrganizer(() -> fair.unassign(stand.id())))
                .isInstanceOf(org.b2bforum.fair.FairRefusedException.class).hasMessage("fair.error.stand-has-meetings");

        fixture.as(visitor, () -> requests.cancel(meetingId, "Планы изменились"));
        assertThat(MeetingRecords.occupied(jdbc, meetingId)).isZero();
        TestCompany next = fixture.approvedCompany();
        long again = fixture.as(next, () -> requests.requestAtStand(exhibitor.id(), stand.id(), slot(0),
                List.of(next.firstDelegate()), null).meetingId());
        fixture.as(exhibitor, () -> requests.accept(again, List.of(), null));
        assertThat(fixture.asOrganizer(() -> meetings.meeting(again)).status()).isEqualTo(MeetingStatus.CONFIRMED);
    }

    @Test
    void an_organizer_moving_a_meeting_at_a_stand_keeps_the_stand_and_takes_no_table() {
        long meetingId = fixture.as(visitor, () -> requests.requestAtStand(exhibitor.id(), stand.id(), slot(0),
                List.of(visitor.firstDelegate()), null).meetingId());
        fixture.as(exhibitor, () -> requests.accept(meetingId, List.of(), null));

        fixture.asOrganizer(() -> organizerBookings.move(meetingId, slot(2)));

        MeetingDetails moved = fixture.asOrganizer(() -> meetings.meeting(meetingId));
        assertThat(moved.slotId()).isEqualTo(slot(2));
        assertThat(moved.standNumber()).isEqualTo(stand.number());
        assertThat(moved.tableNumber()).isNull();
        assertThat(jdbc.queryForList("select slot_id from stand_slot_booking where meeting_id = ?", Long.class,
                meetingId)).containsExactly(slot(2));
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds())))
                .as("%s", invariants.violations(session.slotIds())).isZero();
    }

    @Test
    void simultaneous_instant_bookings_at_one_stand_confirm_one_meeting() throws Exception {
        fixture.openBooking(true);
        List<TestCompany> visitors = fixture.approvedCompanies(6);
        List<Callable<Object>> calls = new ArrayList<>();
        for (TestCompany v : visitors) {
            calls.add(() -> {
                BookingFixture.logInAs(v);
                return requests.requestAtStand(exhibitor.id(), stand.id(), slot(1), List.of(v.firstDelegate()), null)
                        .meetingId();
            });
        }
        List<Object> outcomes = BookingFixture.simultaneously(calls);

        assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof Long)).allSatisfy(o -> assertThat(o)
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.slot-taken")));
        assertThat(jdbc.queryForObject("select count(*) from stand_slot_booking where stand_id = ?", Integer.class,
                stand.id())).isOne();
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds())))
                .as("%s", invariants.violations(session.slotIds())).isZero();
    }

    @Test
    void at_the_venue_a_meeting_at_a_stand_is_listed_with_its_stand_marked_held_and_reported_at_the_stand() {
        long meetingId = fixture.as(visitor, () -> requests.requestAtStand(exhibitor.id(), stand.id(), slot(1),
                List.of(visitor.firstDelegate()), null).meetingId());
        fixture.as(exhibitor, () -> requests.accept(meetingId, List.of(exhibitor.firstDelegate()), null));
        TableMeeting listed = fixture.asOrganizer(() -> attendance.meetingsInSlot(slot(1))).stream()
                .filter(m -> m.meetingId() == meetingId).findFirst().orElseThrow();
        assertThat(listed.standNumber()).isEqualTo(stand.number());
        assertThat(listed.tableNumber()).isNull();

        // the forum day has come: the slot began a few minutes ago. This thread's clock goes there, not the slot to
        // the wall clock's now: a slot moved to today stayed in the shared database and refused a later class's
        // session on today's date ("slots-not-aligned", BadgeViewsTest in reverse class order at 10:42 Moscow time)
        TestClock.aheadOnThisThread(Duration.between(Instant.now(), session.slot(1).startsAt().plusSeconds(300)),
                () -> fixture.asOrganizer(() -> {
                    attendance.mark(meetingId, Attendance.HELD);
                    return null;
                }));
        assertThat(jdbc.queryForObject("select attendance from meeting where id = ?", String.class, meetingId))
                .isEqualTo(Attendance.HELD.name());
        // and the organizers' outcome report places it at the stand, not in the slot's hall
        OutcomeReport reported = fixture.asOrganizer(() -> outcomes.report()).stream()
                .filter(r -> r.meetingId() == meetingId).findFirst().orElseThrow();
        assertThat(reported.place().stand()).isEqualTo(stand.number());
        assertThat(reported.tableNumber()).isNull();
    }

    private long slot(int index) {
        return session.slot(index).id();
    }
}
