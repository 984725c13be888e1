package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.b2bforum.meeting.Refusals.assertRefused;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.program.BookingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The booking window and the per-company meeting limit, and the organizer's override of both. */
@ForumSpringTest
class BookingWindowAndLimitTest {

    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BookingFixture fixture;
    TestSession session;
    TestCompany requester;
    TestCompany partner;

    @BeforeEach
    void setUp() {
        session = fixture.session(3, LocalTime.of(10, 0), LocalTime.of(11, 40), 20);
        requester = fixture.approvedCompany();
        partner = fixture.approvedCompany();
    }

    @AfterEach
    void reopenBooking() {
        fixture.openBooking(false);
        TestData.logOut();
    }

    @Test
    void requests_before_the_window_opens_are_refused() {
        Instant now = Instant.now();
        fixture.bookingSettings(new BookingSettings(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), 10, true));

        assertRefused("meeting.error.window-closed", () -> request(requester, partner, 0));
        assertThat(meetingsInSession()).isZero();
    }

    @Test
    void requests_and_acceptances_after_the_window_closed_are_refused() {
        fixture.openBooking(false);
        long meetingId = request(requester, partner, 0);
        Instant now = Instant.now();
        fixture.bookingSettings(new BookingSettings(now.minus(Duration.ofDays(2)), now.minus(Duration.ofMinutes(1)), 10,
                false));

        assertRefused("meeting.error.window-closed", () -> request(requester, partner, 1));
        assertRefused("meeting.error.window-closed",
                () -> fixture.as(partner, () -> meetingRequests.accept(meetingId, List.of(), null)));
        assertThat(status(meetingId)).isEqualTo("REQUESTED");
        assertThat(meetingsInSession()).isEqualTo(1);

        // declining and cancelling stay possible: they free people, they do not book them
        fixture.as(partner, () -> meetingRequests.decline(meetingId, "Не успеваем"));
        assertThat(status(meetingId)).isEqualTo("DECLINED");
    }

    @Test
    void the_request_over_the_limit_is_refused_and_answered_or_cancelled_ones_free_their_place() {
        fixture.bookingSettings(new BookingSettings(null, null, 2, false));
        TestCompany third = fixture.approvedCompany();
        long first = request(requester, partner, 0);
        request(requester, third, 1);

        BookingRefusedException refused = assertRefused("meeting.error.limit", () -> request(requester, partner, 2));
        assertThat(refused.args()).containsExactly(2);
        assertThat(MeetingRecords.activeOf(jdbc, requester)).isEqualTo(2);

        fixture.as(requester, () -> meetingRequests.cancel(first, "Передумали"));
        long again = request(requester, partner, 2);
        assertThat(status(again)).isEqualTo("REQUESTED");
        assertThat(MeetingRecords.activeOf(jdbc, requester)).isEqualTo(2);
    }

    @Test
    void requests_received_do_not_count_against_the_limit_but_confirmed_meetings_do() {
        fixture.bookingSettings(new BookingSettings(null, null, 1, false));
        TestCompany other = fixture.approvedCompany();
        long fromRequester = request(requester, partner, 0);
        long fromOther = request(other, partner, 1);

        fixture.as(partner, () -> meetingRequests.accept(fromRequester, List.of(), null));

        assertRefused("meeting.error.limit", () -> fixture.as(partner, () -> meetingRequests.accept(fromOther, List.of(), null)));
        assertRefused("meeting.error.limit", () -> request(partner, other, 2));
        assertThat(status(fromOther)).isEqualTo("REQUESTED");
    }

    @Test
    void instant_booking_respects_the_partners_limit_too() {
        fixture.bookingSettings(new BookingSettings(null, null, 1, true));
        TestCompany other = fixture.approvedCompany();
        assertThat(status(request(requester, partner, 0))).isEqualTo("CONFIRMED");

        BookingRefusedException refused = assertRefused("meeting.error.company-limit-reached",
                () -> request(other, partner, 1));
        assertThat(refused.args()).containsExactly(MeetingRecords.nameOf(jdbc, partner), 1);
        assertThat(meetingsInSession()).isEqualTo(1);
    }

    @Test
    void the_organizer_books_outside_the_window_and_over_the_limit_only_when_overriding_it_explicitly() {
        fixture.bookingSettings(new BookingSettings(null, null, 1, false));
        request(requester, partner, 0);
        Instant now = Instant.now();
        fixture.bookingSettings(new BookingSettings(now.minus(Duration.ofDays(2)), now.minus(Duration.ofMinutes(1)), 1,
                false));

        BookingRefusedException refused = assertRefused("meeting.error.company-limit",
                () -> fixture.asOrganizer(() -> organizerBookings.bookAsOrganizer(requester.id(), partner.id(),
                        session.slot(1).id())));
        assertThat(refused.args()).containsExactly(MeetingRecords.nameOf(jdbc, requester), 1);
        assertThat(MeetingRecords.activeOf(jdbc, requester)).isEqualTo(1);

        long booked = fixture.asOrganizer(() -> organizerBookings.bookAsOrganizer(requester.id(), partner.id(),
                session.slot(1).id(), true));

        assertThat(status(booked)).isEqualTo("CONFIRMED");
        assertThat(MeetingRecords.activeOf(jdbc, requester)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select table_id from meeting where id = ?", Long.class, booked)).isNotNull();
        assertThat(jdbc.queryForList("select delegate_id from meeting_delegate where meeting_id = ? order by delegate_id",
                Long.class, booked)).containsExactly(requester.firstDelegate(), partner.firstDelegate());
        assertThat(BookingInvariants.total(new BookingInvariants(jdbc).violations(session.slotIds()))).isZero();
    }

    @Test
    void the_organizer_cannot_book_a_company_twice_in_one_slot() {
        TestCompany other = fixture.approvedCompany();
        fixture.asOrganizer(() -> organizerBookings.bookAsOrganizer(requester.id(), partner.id(), session.slot(0).id()));

        assertRefused("meeting.error.slot-taken",
                () -> fixture.asOrganizer(() -> organizerBookings.bookAsOrganizer(other.id(), partner.id(), session.slot(0).id())));
        assertRefused("meeting.error.slot-taken",
                () -> fixture.asOrganizer(() -> organizerBookings.bookAsOrganizer(requester.id(), partner.id(), session.slot(0).id())));
    }

    private long request(TestCompany from, TestCompany to, int slot) {
        return fixture.as(from, () -> meetingRequests.request(to.id(), session.slot(slot).id(), List.of(from.firstDelegate()),
                null).meetingId());
    }


    private String status(long meetingId) {
        return jdbc.queryForObject("select status from meeting where id = ?", String.class, meetingId);
    }

    private int meetingsInSession() {
        return jdbc.queryForObject("select count(*) from meeting m join slot s on s.id = m.slot_id where s.session_id = ?",
                Integer.class, session.sessionId());
    }
}
