package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.ForumDayRef;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.notification.NotificationView;
import org.b2bforum.program.ProgramService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/** A meeting from request to acceptance, decline, cancellation and an organizer's move. */
@ForumSpringTest
class MeetingLifecycleTest {

    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    NotificationService notifications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Autowired
    BookingFixture fixture;
    @Autowired
    BookingInvariants invariants;
    TestSession session;
    TestCompany requester;
    TestCompany partner;

    @BeforeEach
    void setUp() {
        fixture.openBooking(false);
        session = fixture.session(1, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        requester = fixture.approvedCompany();
        partner = fixture.approvedCompany();
    }

    @Test
    void the_request_forms_call_returns_a_refusal_rather_than_throwing_it_and_the_metrics_count_it() {
        fixture.openBooking(true);
        TestCompany latecomer = fixture.approvedCompany();
        double confirmed = bookings("confirmed");
        double refused = bookings("refused");

        RequestResult booked = fixture.as(requester, () -> meetingRequests.tryRequest(partner.id(), slot(0),
                List.of(requester.firstDelegate()), null));
        RequestResult taken = fixture.as(latecomer, () -> meetingRequests.tryRequest(partner.id(), slot(0),
                List.of(latecomer.firstDelegate()), null));

        assertThat(booked.refused()).isFalse();
        assertThat(booked.outcome().confirmed()).isTrue();
        assertThat(taken.refused()).isTrue();
        assertThat(taken.outcome()).isNull();
        assertThat(taken.refusal().key()).isEqualTo("meeting.error.slot-taken");
        assertThat(bookings("confirmed")).isEqualTo(confirmed + 1);
        assertThat(bookings("refused")).isEqualTo(refused + 1);
    }

    private double bookings(String outcome) {
        return meters.counter("forum.bookings", "outcome", outcome).count();
    }

    @Test
    void a_request_answers_what_it_became_so_nobody_reads_the_meeting_again() {
        MeetingOutcome requested = fixture.as(requester, () -> meetingRequests.request(partner.id(), slot(0),
                List.of(requester.firstDelegate()), null));
        assertThat(requested.status()).isEqualTo(MeetingStatus.REQUESTED);
        assertThat(requested.confirmed()).isFalse();
        assertThat(fixture.as(requester, () -> meetingRequests.request(partner.id(), slot(0),
                List.of(requester.firstDelegate()), null))).as("asked again: the first request").isEqualTo(requested);

        fixture.openBooking(true);
        MeetingOutcome instant = fixture.as(requester, () -> meetingRequests.request(partner.id(), slot(1),
                List.of(requester.firstDelegate()), null));

        assertThat(instant.confirmed()).isTrue();
        assertThat(jdbc.queryForObject("select status from meeting where id = ?", String.class, instant.meetingId()))
                .isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select status from meeting where id = ?", String.class,
                requested.meetingId())).isEqualTo("REQUESTED");
    }

    @Test
    void an_accepted_request_is_confirmed_at_a_table_of_the_slots_hall_and_both_companies_are_told_where() {
        long meetingId = fixture.as(requester, () -> meetingRequests.request(partner.id(), slot(0),
                List.of(requester.firstDelegate()), "Хотим обсудить поставки").meetingId());
        assertThat(view(meetingId).status()).isEqualTo(MeetingStatus.REQUESTED);
        assertThat(view(meetingId).tableNumber()).isNull();
        assertThat(notificationsOf(partner)).extracting(NotificationView::messageKey)
                .containsExactly("notification.meeting.REQUESTED");
        assertThat(fixture.as(partner, () -> meetingQueries.myMeetings())).singleElement()
                .satisfies(m -> assertThat(m.awaitsAnswerFrom(partner.id())).isTrue());

        fixture.as(partner, () -> meetingRequests.accept(meetingId, List.of(partner.delegateIds().get(1)), "С удовольствием"));

        MeetingDetails meeting = view(meetingId);
        assertThat(meeting.status()).isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(meeting.hallName()).isEqualTo(session.hallName());
        assertThat(meeting.tableNumber()).isEqualTo(1);
        assertThat(meeting.message()).isEqualTo("Хотим обсудить поставки");
        assertThat(meeting.response()).isEqualTo("С удовольствием");
        assertThat(meeting.delegates()).containsExactly("Иван Петров", "Anna Smirnova");
        Map<String, Object> table = jdbc.queryForMap("""
                select b.hall_id, t.number from table_slot_booking b join meeting_table t on t.id = b.table_id
                where b.meeting_id = ? and b.slot_id = ?""", meetingId, slot(0));
        assertThat(((Number) table.get("hall_id")).longValue()).isEqualTo(session.hallId());
        assertThat(((Number) table.get("number")).intValue()).isEqualTo(1);
        for (TestCompany company : List.of(requester, partner)) {
            assertThat(notificationsOf(company)).filteredOn(n -> n.messageKey().equals("notification.meeting.CONFIRMED"))
                    .singleElement()
                    .satisfies(n -> assertThat(n.detail()).contains(session.hallName() + " №1")
                            .contains(" — ").contains(":00"));
        }
        assertThat(history(meetingId)).containsExactly(
                "REQUESTED by " + requester.loginEmail() + ": Хотим обсудить поставки",
                "CONFIRMED by " + partner.loginEmail() + ": С удовольствием");
        assertThat(fixture.as(requester, () -> meetingQueries.myAgenda(null))).singleElement().satisfies(entry -> {
            assertThat(entry.meetingId()).isEqualTo(meetingId);
            assertThat(entry.tableNumber()).isEqualTo(1);
            assertThat(entry.counterpartContacts()).as("contacts once confirmed").contains("@test.forum");
            assertThat(entry.delegates()).as("the company's own people").containsExactly("Иван Петров");
        });
        assertThat(fixture.as(partner, () -> meetingQueries.myAgenda(null))).singleElement()
                .satisfies(entry -> assertThat(entry.delegates()).containsExactly("Anna Smirnova"));
        assertThat(meeting.delegatesOf(partner.id())).containsExactly("Anna Smirnova");
        assertThat(meeting.delegatesOf(requester.id())).containsExactly("Иван Петров");
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds()))).isZero();
    }

    @Test
    void a_request_from_a_company_back_in_the_organizers_review_cannot_be_accepted_until_it_is_approved_again() {
        long meetingId = request(0);
        fixture.sendBackToReview(requester);

        assertThatThrownBy(() -> fixture.as(partner, () -> meetingRequests.accept(meetingId, List.of(), null)))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.partner-unavailable"));
        assertThat(view(meetingId).status()).isEqualTo(MeetingStatus.REQUESTED);
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds()))).isZero();
    }

    @Test
    void a_declined_request_occupies_nothing_tells_the_requester_and_may_be_asked_again() {
        long meetingId = request(0);

        fixture.as(partner, () -> meetingRequests.decline(meetingId, "Нет времени"));

        assertThat(view(meetingId).status()).isEqualTo(MeetingStatus.DECLINED);
        assertThat(view(meetingId).response()).isEqualTo("Нет времени");
        assertThat(notificationsOf(requester)).extracting(NotificationView::messageKey)
                .containsExactly("notification.meeting.DECLINED");
        assertThat(history(meetingId)).last().isEqualTo("DECLINED by " + partner.loginEmail() + ": Нет времени");
        assertThat(occupied(meetingId)).isZero();
        assertThatThrownBy(() -> fixture.as(partner, () -> meetingRequests.accept(meetingId, List.of(), null)))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.not-requested"));
        fixture.as(partner, () -> meetingRequests.decline(meetingId, "Ещё раз")); // a double click changes nothing
        assertThat(history(meetingId)).hasSize(2);

        long again = request(0);
        assertThat(again).isNotEqualTo(meetingId);
        assertThat(view(again).status()).isEqualTo(MeetingStatus.REQUESTED);
    }

    @Test
    void a_cancelled_meeting_frees_its_slot_and_table_for_the_next_booking() {
        long meetingId = request(0);
        fixture.as(partner, () -> meetingRequests.accept(meetingId, List.of(), null));
        TestCompany third = fixture.approvedCompany();
        TestCompany fourth = fixture.approvedCompany();
        assertThatThrownBy(() -> fixture.as(third, () -> requestAndAccept(third, fourth, 0)))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.no-table"));
        assertThat(fixture.as(third, () -> meetingQueries.freeSlotsWith(fourth.id(), List.of(third.firstDelegate()))))
                .extracting(SlotOption::slotId).doesNotContain(slot(0)).contains(slot(1));

        fixture.as(requester, () -> meetingRequests.cancel(meetingId, "Заболел"));

        assertThat(view(meetingId).status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(view(meetingId).tableNumber()).isNull();
        assertThat(occupied(meetingId)).isZero();
        for (TestCompany company : List.of(requester, partner)) {
            assertThat(notificationsOf(company)).extracting(NotificationView::messageKey)
                    .contains("notification.meeting.CANCELLED");
        }
        assertThat(history(meetingId)).last().isEqualTo("CANCELLED by " + requester.loginEmail() + ": Заболел");
        fixture.as(partner, () -> meetingRequests.cancel(meetingId, null)); // cancelling twice changes nothing
        assertThat(history(meetingId)).hasSize(3);
        assertThat(fixture.as(third, () -> meetingQueries.freeSlotsWith(fourth.id(), List.of(third.firstDelegate()))))
                .extracting(SlotOption::slotId).contains(slot(0));

        long next = requestAndAccept(third, fourth, 0);
        assertThat(view(next).status()).isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(view(next).tableNumber()).isEqualTo(1);
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds()))).isZero();
    }

    @Test
    void the_organizer_moves_a_confirmed_meeting_to_a_table_in_another_slot_and_hall() {
        ForumDayRef day = new ForumDayRef(session.dayId(), session.day());
        TestSession otherHall = fixture.session(day, fixture.newHall(2), LocalTime.of(12, 0), LocalTime.of(13, 0), 20);
        long meetingId = request(0);
        fixture.as(partner, () -> meetingRequests.accept(meetingId, List.of(), null));

        fixture.asOrganizer(() -> organizerBookings.move(meetingId, otherHall.slot(1).id()));

        MeetingDetails moved = view(meetingId);
        assertThat(moved.status()).isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(moved.slotId()).isEqualTo(otherHall.slot(1).id());
        assertThat(moved.hallName()).isEqualTo(otherHall.hallName());
        assertThat(moved.tableNumber()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from company_slot_booking where slot_id = ?", Integer.class,
                slot(0))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from company_slot_booking where meeting_id = ? and slot_id = ?",
                Integer.class, meetingId, otherHall.slot(1).id())).isEqualTo(2);
        for (TestCompany company : List.of(requester, partner)) {
            assertThat(notificationsOf(company)).extracting(NotificationView::messageKey)
                    .contains("notification.meeting.MOVED");
        }
        assertThat(history(meetingId)).last().asString().startsWith("CONFIRMED by " + TestData.ORGANIZER_EMAIL);
        List<Long> slots = new java.util.ArrayList<>(session.slotIds());
        slots.addAll(otherHall.slotIds());
        assertThat(BookingInvariants.total(invariants.violations(slots))).isZero();
    }

    @Test
    void a_move_into_a_slot_where_a_company_is_busy_is_refused_and_changes_nothing() {
        long meetingId = request(0);
        fixture.as(partner, () -> meetingRequests.accept(meetingId, List.of(), null));
        TestCompany third = fixture.approvedCompany();
        long busy = fixture.as(third, () -> meetingRequests.request(partner.id(), slot(1), List.of(third.firstDelegate()), null).meetingId());
        fixture.as(partner, () -> meetingRequests.accept(busy, List.of(), null));

        assertThatThrownBy(() -> fixture.asOrganizer(() -> organizerBookings.move(meetingId, slot(1))))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.slot-taken"));

        assertThat(view(meetingId).slotId()).isEqualTo(slot(0));
        assertThat(view(meetingId).tableNumber()).isEqualTo(1);
        assertThat(occupied(meetingId)).isEqualTo(2 + 2 + 1);
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds()))).isZero();
    }

    @Test
    void a_company_meets_in_one_hall_at_a_time_and_is_offered_each_time_once() {
        fixture.openBooking(true);
        ForumDayRef day = new ForumDayRef(session.dayId(), session.day());
        TestSession parallel = fixture.session(day, fixture.newHall(3), LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany third = fixture.approvedCompany();
        request(0); // confirmed at once: 10:00-10:20 in the first hall

        long parallelSlot = parallel.slot(0).id();
        assertThatThrownBy(() -> fixture.as(third, () -> meetingRequests.request(partner.id(), parallelSlot,
                List.of(third.firstDelegate()), null).meetingId()))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.slot-taken"));
        List<SlotOption> free = fixture.as(third,
                () -> meetingQueries.freeSlotsWith(partner.id(), List.of(third.firstDelegate())));
        assertThat(free).extracting(SlotOption::slotId).doesNotContain(slot(0), parallel.slot(0).id());
        // each time once, in the hall with the most tables left (3 against 1): the form listed 10:20 once per hall
        assertThat(free).extracting(SlotOption::startsAt).doesNotHaveDuplicates();
        assertThat(free).extracting(SlotOption::slotId).contains(parallel.slot(1).id()).doesNotContain(slot(1));
        long later = fixture.as(third, () -> meetingRequests.request(partner.id(), parallel.slot(1).id(),
                List.of(third.firstDelegate()), null).meetingId());
        assertThat(view(later).status()).isEqualTo(MeetingStatus.CONFIRMED);
    }

    @Test
    void a_meeting_in_the_longest_slot_keeps_both_companies_busy_in_every_hall_until_it_ends() {
        fixture.openBooking(true);
        ForumDayRef day = fixture.newDay();
        int longest = ProgramService.MAX_SLOT_MINUTES;
        TestSession first = fixture.session(day, fixture.newHall(1), LocalTime.of(10, 0), LocalTime.of(14, 0), longest);
        long secondHall = fixture.newHall(1);
        TestSession parallel = fixture.session(day, secondHall, LocalTime.of(10, 0), LocalTime.of(14, 0), longest);
        TestSession after = fixture.session(day, secondHall, LocalTime.of(14, 0), LocalTime.of(14, 20), 20);
        TestCompany third = fixture.approvedCompany();
        fixture.as(requester, () -> meetingRequests.request(partner.id(), first.slot(0).id(),
                List.of(requester.firstDelegate()), null).meetingId()); // 10:00-14:00, confirmed at once

        assertThatThrownBy(() -> fixture.as(third, () -> meetingRequests.request(partner.id(), parallel.slot(0).id(),
                List.of(third.firstDelegate()), null).meetingId()))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.slot-taken"));
        assertThat(fixture.as(third, () -> meetingQueries.freeSlotsWith(partner.id(), List.of(third.firstDelegate()))))
                .extracting(SlotOption::slotId)
                .doesNotContain(first.slot(0).id(), parallel.slot(0).id())
                .contains(after.slot(0).id());
        long later = fixture.as(third, () -> meetingRequests.request(partner.id(), after.slot(0).id(),
                List.of(third.firstDelegate()), null).meetingId());
        assertThat(view(later).status()).isEqualTo(MeetingStatus.CONFIRMED);

        // the checks look back no further than the longest slot: the database holds slots to it
        assertThatThrownBy(() -> jdbc.update("""
                insert into slot (session_id, hall_id, starts_at, ends_at)
                select session_id, hall_id, starts_at, starts_at + interval ? minute from slot where id = ?""",
                longest + 1, first.slot(0).id()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_requested_meeting_cannot_be_moved() {
        long meetingId = request(0);

        assertThatThrownBy(() -> fixture.asOrganizer(() -> organizerBookings.move(meetingId, slot(1))))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.not-confirmed"));
    }

    @Test
    void the_organizer_sees_the_meetings_of_a_session() {
        long meetingId = request(2);

        assertThat(fixture.asOrganizer(() -> meetingQueries.meetingsInSession(session.sessionId())))
                .extracting(MeetingDetails::id).containsExactly(meetingId);
    }

    private long slot(int index) {
        return session.slot(index).id();
    }

    private long request(int slot) {
        return fixture.as(requester, () -> meetingRequests.request(partner.id(), slot(slot),
                List.of(requester.firstDelegate()), null).meetingId());
    }

    private long requestAndAccept(TestCompany from, TestCompany to, int slot) {
        return MeetingRecords.requestAndAccept(fixture, meetingRequests, from, to, slot(slot));
    }

    private MeetingDetails view(long meetingId) {
        return fixture.asOrganizer(() -> meetingQueries.meeting(meetingId));
    }

    /** The company's notifications about meetings, newest first. */
    private List<NotificationView> notificationsOf(TestCompany company) {
        return fixture.as(company, () -> notifications.mine(50)).stream()
                .filter(n -> n.messageKey().startsWith("notification.meeting.")).toList();
    }

    private List<String> history(long meetingId) {
        return MeetingRecords.history(jdbc, meetingId);
    }

    /** Rows in the booking tables that belong to the meeting. */
    private int occupied(long meetingId) {
        return MeetingRecords.occupied(jdbc, meetingId);
    }
}
