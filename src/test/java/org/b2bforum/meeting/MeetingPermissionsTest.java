package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.fair.FairFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** The meeting service is the security boundary: who may request, answer, cancel and move what. */
@ForumSpringTest
class MeetingPermissionsTest {

    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BookingFixture fixture;
    @Autowired
    FairFixture fair;
    TestSession session;
    TestCompany requester;
    TestCompany partner;
    TestCompany outsider;

    @BeforeEach
    void setUp() {
        fixture.openBooking(false);
        session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        requester = fixture.approvedCompany();
        partner = fixture.approvedCompany();
        outsider = fixture.approvedCompany();
    }

    @Test
    void a_company_cannot_accept_decline_or_cancel_a_request_between_two_other_companies() {
        long meetingId = request(requester, partner, 0);

        BookingFixture.logInAs(outsider);
        assertThatThrownBy(() -> meetingRequests.accept(meetingId, List.of(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetingRequests.decline(meetingId, "Нет")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetingRequests.cancel(meetingId, "Нет")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetingQueries.meeting(meetingId)).isInstanceOf(AccessDeniedException.class);

        assertThat(status(meetingId)).isEqualTo("REQUESTED");
        assertThat(eventCount(meetingId)).isEqualTo(1);
    }

    @Test
    void a_company_cannot_propose_another_time_for_a_request_between_two_other_companies() {
        long meetingId = request(requester, partner, 0);

        BookingFixture.logInAs(outsider);
        assertThatThrownBy(() -> meetingRequests.proposeOtherTime(meetingId, session.slot(1).id(),
                List.of(outsider.firstDelegate()), "Лучше позже")).isInstanceOf(AccessDeniedException.class);

        assertThat(status(meetingId)).isEqualTo("REQUESTED");
        assertThat(jdbc.queryForObject("select count(*) from meeting where slot_id = ?", Integer.class,
                session.slot(1).id())).isZero();
    }

    @Test
    void a_company_cannot_cancel_a_confirmed_meeting_between_two_other_companies() {
        long meetingId = request(requester, partner, 0);
        fixture.as(partner, () -> meetingRequests.accept(meetingId, List.of(), null));

        BookingFixture.logInAs(outsider);
        assertThatThrownBy(() -> meetingRequests.cancel(meetingId, "Нет")).isInstanceOf(AccessDeniedException.class);

        assertThat(status(meetingId)).isEqualTo("CONFIRMED");
    }

    @Test
    void another_companys_delegates_passed_as_ones_own_give_none_of_their_meetings_away_through_the_free_slots() {
        TestCompany fourth = fixture.approvedCompany();
        long theirs = request(outsider, fourth, 0);
        fixture.as(fourth, () -> meetingRequests.accept(theirs, List.of(), null));

        BookingFixture.logInAs(requester);
        List<Long> unconstrained = meetingQueries.freeSlotsWith(partner.id(), List.of()).stream()
                .map(SlotOption::slotId).toList();
        assertThat(unconstrained).contains(session.slot(0).id());
        assertThat(meetingQueries.freeSlotsWith(partner.id(), List.of(outsider.firstDelegate())))
                .extracting(SlotOption::slotId).isEqualTo(unconstrained);
        long stand = fair.standFor(partner).id();
        List<Long> atStand = meetingQueries.freeStandSlotsWith(partner.id(), stand, List.of()).stream()
                .map(SlotOption::slotId).toList();
        assertThat(atStand).contains(session.slot(0).id());
        assertThat(meetingQueries.freeStandSlotsWith(partner.id(), stand, List.of(outsider.firstDelegate())))
                .extracting(SlotOption::slotId).isEqualTo(atStand);
    }

    @Test
    void a_third_companys_stand_passed_in_a_forged_request_gives_none_of_its_free_times_away() {
        TestCompany exhibitor = fixture.approvedCompany();
        long theirStand = fair.standFor(exhibitor).id();
        long mine = fair.standFor(requester).id();

        BookingFixture.logInAs(requester);
        assertThat(meetingQueries.freeStandSlotsWith(partner.id(), mine, List.of(requester.firstDelegate())))
                .extracting(SlotOption::slotId).contains(session.slot(0).id());
        // before, the times at which the third company's stand hosts no meeting
        assertThat(meetingQueries.freeStandSlotsWith(partner.id(), theirStand, List.of(requester.firstDelegate())))
                .isEmpty();
    }

    @Test
    void a_company_back_in_review_gives_none_of_its_meetings_away_through_the_free_slots() {
        long theirs = request(partner, outsider, 0);
        fixture.as(outsider, () -> meetingRequests.accept(theirs, List.of(), null));
        long stand = fair.standFor(partner).id(); // stays assigned while the organizers review the company
        fixture.sendBackToReview(partner);
        assertThat(status(theirs)).isEqualTo("CONFIRMED");

        BookingFixture.logInAs(requester);
        // its id typed into a forged request: before, the times offered left out those of its meetings
        assertThat(meetingQueries.freeSlotsWith(partner.id(), List.of(requester.firstDelegate()))).isEmpty();
        assertThat(meetingQueries.freeStandSlotsWith(partner.id(), stand, List.of(requester.firstDelegate()))).isEmpty();
        assertThat(meetingQueries.freeSlotsWith(-1, List.of(requester.firstDelegate()))).isEmpty();
        assertThat(meetingQueries.freeSlotsWith(outsider.id(), List.of(requester.firstDelegate())))
                .extracting(SlotOption::slotId).doesNotContain(session.slot(0).id()).isNotEmpty();
    }

    @Test
    void the_requester_cannot_accept_or_decline_its_own_request() {
        long meetingId = request(requester, partner, 0);

        BookingFixture.logInAs(requester);
        assertThatThrownBy(() -> meetingRequests.accept(meetingId, List.of(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetingRequests.decline(meetingId, null)).isInstanceOf(AccessDeniedException.class);

        assertThat(status(meetingId)).isEqualTo("REQUESTED");
    }

    @Test
    void a_company_cannot_book_a_meeting_with_itself() {
        BookingFixture.logInAs(requester);

        assertThatThrownBy(() -> meetingRequests.request(requester.id(), session.slot(0).id(),
                List.of(requester.firstDelegate()), null).meetingId())
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.self"));
        assertThat(meetingsInSlot(0)).isZero();
    }

    @Test
    void a_company_cannot_send_or_accept_with_another_companys_delegates() {
        BookingFixture.logInAs(requester);
        assertThatThrownBy(() -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(outsider.firstDelegate()), null).meetingId()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(requester.firstDelegate(), partner.firstDelegate()), null).meetingId())
                .isInstanceOf(AccessDeniedException.class);
        assertThat(meetingsInSlot(0)).isZero();

        long meetingId = request(requester, partner, 1);
        BookingFixture.logInAs(partner);
        assertThatThrownBy(() -> meetingRequests.accept(meetingId, List.of(requester.firstDelegate()), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(status(meetingId)).isEqualTo("REQUESTED");
    }

    @Test
    void a_request_needs_at_least_one_delegate() {
        BookingFixture.logInAs(requester);

        assertThatThrownBy(() -> meetingRequests.request(partner.id(), session.slot(0).id(), List.of(), null).meetingId())
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.no-delegates"));
    }

    @Test
    void a_company_awaiting_approval_can_neither_request_nor_be_requested() {
        TestCompany pending = fixture.pendingCompany();

        BookingFixture.logInAs(pending);
        assertThatThrownBy(() -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(pending.firstDelegate()), null).meetingId()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetingQueries.freeSlotsWith(partner.id(), List.of(pending.firstDelegate())))
                .isInstanceOf(AccessDeniedException.class);

        BookingFixture.logInAs(requester);
        assertThatThrownBy(() -> meetingRequests.request(pending.id(), session.slot(0).id(),
                List.of(requester.firstDelegate()), null).meetingId())
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.partner-unavailable"));
        assertThat(meetingsInSlot(0)).isZero();
    }

    @Test
    void only_organizers_book_for_companies_and_move_meetings() {
        long meetingId = request(requester, partner, 0);
        fixture.as(partner, () -> meetingRequests.accept(meetingId, List.of(), null));

        BookingFixture.logInAs(requester);
        assertThatThrownBy(() -> organizerBookings.move(meetingId, session.slot(1).id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organizerBookings.bookAsOrganizer(requester.id(), outsider.id(), session.slot(1).id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetingQueries.meetingsInSession(session.sessionId()))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(jdbc.queryForObject("select slot_id from meeting where id = ?", Long.class, meetingId))
                .isEqualTo(session.slot(0).id());
        assertThat(meetingsInSlot(1)).isZero();
    }

    @Test
    void an_organizer_cannot_request_meetings_as_a_company() {
        fixture.asOrganizer(() -> assertThatThrownBy(() -> meetingRequests.request(partner.id(), session.slot(0).id(),
                List.of(partner.firstDelegate()), null).meetingId()).isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void visitors_who_are_not_logged_in_neither_read_nor_change_meetings() {
        long meetingId = request(requester, partner, 0);

        TestData.logOut();
        assertThatThrownBy(() -> meetingQueries.meeting(meetingId)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> meetingRequests.cancel(meetingId, null)).isInstanceOf(AuthenticationException.class);

        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("visitor",
                "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThatThrownBy(() -> meetingQueries.meeting(meetingId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetingRequests.cancel(meetingId, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetingRequests.request(partner.id(), session.slot(1).id(), List.of(1L), null).meetingId())
                .isInstanceOf(AccessDeniedException.class);
        assertThat(status(meetingId)).isEqualTo("REQUESTED");
    }

    @Test
    void each_company_sees_only_its_own_meetings() {
        long meetingId = request(requester, partner, 0);

        assertThat(fixture.as(requester, () -> meetingQueries.myMeetings())).extracting(MeetingDetails::id).contains(meetingId);
        assertThat(fixture.as(partner, () -> meetingQueries.myMeetings())).extracting(MeetingDetails::id).contains(meetingId);
        assertThat(fixture.as(outsider, () -> meetingQueries.myMeetings())).extracting(MeetingDetails::id)
                .doesNotContain(meetingId);
        assertThat(fixture.as(partner, () -> meetingQueries.meeting(meetingId)).requesterId()).isEqualTo(requester.id());
        assertThat(fixture.asOrganizer(() -> meetingQueries.meeting(meetingId)).partnerId()).isEqualTo(partner.id());
    }

    private long request(TestCompany from, TestCompany to, int slot) {
        return fixture.as(from, () -> meetingRequests.request(to.id(), session.slot(slot).id(), List.of(from.firstDelegate()),
                "Добрый день").meetingId());
    }

    private String status(long meetingId) {
        return jdbc.queryForObject("select status from meeting where id = ?", String.class, meetingId);
    }

    private int eventCount(long meetingId) {
        return jdbc.queryForObject("select count(*) from meeting_event where meeting_id = ?", Integer.class, meetingId);
    }

    private int meetingsInSlot(int slot) {
        return jdbc.queryForObject("select count(*) from meeting where slot_id = ?", Integer.class,
                session.slot(slot).id());
    }
}
