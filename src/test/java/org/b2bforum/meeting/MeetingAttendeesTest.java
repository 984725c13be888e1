package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.DelegateFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.program.ProgramItems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * With instant booking the partner company picks nobody at booking: its representatives choose who attends, and
 * those delegates (only they) hear of it (ux57).
 */
@ForumSpringTest
class MeetingAttendeesTest {

    @Autowired
    MeetingRequests requests;
    @Autowired
    MeetingAttendees attendees;
    @Autowired
    ProgramItems programItems;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    BookingFixture fixture;
    @Autowired
    BookingInvariants invariants;

    DelegateFixture delegates;
    TestSession session;
    TestCompany requester;
    TestCompany partner;

    @BeforeEach
    void setUp() {
        delegates = new DelegateFixture(context);
        fixture.openBooking(true);
        session = fixture.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        requester = fixture.approvedCompany();
        partner = fixture.approvedCompany();
    }

    @Test
    void the_partner_of_an_instant_booking_chooses_who_attends_and_only_those_delegates_are_told() {
        long first = partner.delegateIds().get(0);
        long second = partner.delegateIds().get(1);
        delegates.delegateAccount(partner, first);
        delegates.delegateAccount(partner, second);
        long meeting = fixture.as(requester, () -> requests.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null)).meetingId();

        assertThat(fixture.as(partner, () -> attendees.myMeetingsWithoutAttendees()))
                .as("the partner is asked to choose").containsExactly(meeting);
        assertThat(fixture.as(requester, () -> attendees.myMeetingsWithoutAttendees())).doesNotContain(meeting);
        assertThat(notices(first)).isEmpty();
        assertThat(notices(second)).isEmpty();

        fixture.as(partner, () -> attendees.choose(meeting, List.of(second)));

        assertThat(fixture.as(partner, () -> attendees.myAttendees(meeting))).containsExactly(second);
        assertThat(fixture.as(partner, () -> attendees.myMeetingsWithoutAttendees())).doesNotContain(meeting);
        assertThat(notices(second)).containsExactly("notification.meeting.ATTENDEE_ADDED");
        assertThat(notices(first)).isEmpty();
        assertThat(busyDelegates(meeting)).containsExactlyInAnyOrder(requester.firstDelegate(), second);

        // plans change: the first goes instead; each of the two hears of it, the requester's delegate stays
        fixture.as(partner, () -> attendees.choose(meeting, List.of(first)));
        fixture.as(partner, () -> attendees.choose(meeting, List.of(first))); // a double click changes nothing

        assertThat(notices(first)).containsExactly("notification.meeting.ATTENDEE_ADDED");
        assertThat(notices(second)).containsExactlyInAnyOrder("notification.meeting.ATTENDEE_ADDED",
                "notification.meeting.ATTENDEE_REMOVED");
        assertThat(busyDelegates(meeting)).containsExactlyInAnyOrder(requester.firstDelegate(), first);
        assertThat(jdbc.queryForList("select delegate_id from meeting_delegate where meeting_id = ?", Long.class,
                meeting)).containsExactlyInAnyOrder(requester.firstDelegate(), first);
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds()))).isZero();
    }

    @Test
    void only_the_meetings_companies_choose_their_own_free_delegates_for_a_confirmed_meeting_ahead() {
        TestCompany stranger = fixture.approvedCompany();
        long meeting = fixture.as(requester, () -> requests.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null)).meetingId();
        long second = partner.delegateIds().get(1);

        assertThatThrownBy(() -> fixture.as(stranger, () -> attendees.choose(meeting, List.of(stranger.firstDelegate()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.as(partner, () -> attendees.choose(meeting, List.of(requester.firstDelegate()))))
                .as("another company's delegate").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.as(partner, () -> attendees.choose(meeting, List.of())))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.no-delegates"));

        // a delegate signed up for a round table at that time is not sent
        long roundTable = fixture.asOrganizer(() -> programItems.add(session.dayId(), ProgramItemKind.ROUND_TABLE,
                "Логистика", null, "Зал Б", null, LocalTime.of(10, 0), LocalTime.of(11, 0)));
        fixture.as(partner, () -> programItems.signUp(roundTable, List.of(second)));
        assertThatThrownBy(() -> fixture.as(partner, () -> attendees.choose(meeting, List.of(second))))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.delegate-in-program"));

        // a request is answered with its delegates, not here
        fixture.openBooking(false);
        long requested = fixture.as(requester, () -> requests.request(partner.id(), session.slot(2).id(),
                List.of(requester.firstDelegate()), null)).meetingId();
        assertThatThrownBy(() -> fixture.as(partner, () -> attendees.choose(requested, List.of(partner.firstDelegate()))))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.not-active"));
        assertThat(busyDelegates(meeting)).containsExactly(requester.firstDelegate());
    }

    @Test
    void who_attends_is_not_changed_once_the_meeting_has_begun() {
        long meeting = fixture.as(requester, () -> requests.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null)).meetingId();
        // the forum day has come: the slot began a few minutes ago
        jdbc.update("update slot set starts_at = now() - interval 5 minute, ends_at = now() + interval 55 minute"
                + " where id = ?", session.slot(1).id());

        assertThatThrownBy(() -> fixture.as(partner, () -> attendees.choose(meeting, List.of(partner.firstDelegate()))))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.begun-attendees"));
        assertThatThrownBy(() -> fixture.as(requester, () -> attendees.choose(meeting,
                List.of(requester.delegateIds().get(1))))).isInstanceOf(BookingRefusedException.class);
        assertThat(busyDelegates(meeting)).as("nobody sent or taken back").containsExactly(requester.firstDelegate());
        assertThat(fixture.as(partner, () -> attendees.myMeetingsWithoutAttendees())).doesNotContain(meeting);
    }

    private List<String> notices(long delegateId) {
        return jdbc.queryForList("""
                select n.message_key from notification n join app_user u on u.id = n.user_id
                where u.delegate_id = ? and n.message_key like 'notification.meeting.%' order by n.id""", String.class, delegateId);
    }

    private List<Long> busyDelegates(long meetingId) {
        return jdbc.queryForList("select delegate_id from delegate_slot_booking where meeting_id = ?", Long.class,
                meetingId);
    }
}
