package org.b2bforum.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.DelegateFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.LockWaits;
import org.b2bforum.TestClock;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.program.ProgramItems;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.venue.AttendanceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;

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
    MeetingQueries meetingQueries;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    AttendanceService attendance;
    @Autowired
    ProgramItems programItems;
    @Autowired
    RegistrationService registrations;
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
        // the forum day has come: the slot began a few minutes ago. This thread's clock goes there, not the slot to
        // the wall clock's now: a slot moved to today stayed in the shared database and refused a later class's
        // session on today's date ("slots-not-aligned", BadgeViewsTest in reverse class order at 10:42 Moscow time)
        TestClock.aheadOnThisThread(Duration.between(Instant.now(), session.slot(1).startsAt().plusSeconds(300)), () -> {
            assertThatThrownBy(() -> fixture.as(partner, () -> attendees.choose(meeting,
                    List.of(partner.firstDelegate())))).isInstanceOfSatisfying(BookingRefusedException.class,
                            e -> assertThat(e.key()).isEqualTo("meeting.error.begun-attendees"));
            assertThatThrownBy(() -> fixture.as(requester, () -> attendees.choose(meeting,
                    List.of(requester.delegateIds().get(1))))).isInstanceOf(BookingRefusedException.class);
            assertThat(busyDelegates(meeting)).as("nobody sent or taken back")
                    .containsExactly(requester.firstDelegate());
            assertThat(fixture.as(partner, () -> attendees.myMeetingsWithoutAttendees())).doesNotContain(meeting);
        });
    }

    @Test
    void a_company_sent_back_to_review_does_not_send_its_people_until_it_is_approved_again() {
        long meeting = fixture.as(requester, () -> requests.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null)).meetingId();
        long first = partner.firstDelegate();
        delegates.delegateAccount(partner, first);
        // the partner is sent back to review in another tab while its "choose who attends" dialog is open
        fixture.sendBackToReview(partner);

        // before (review65): its delegate was sent and told, and busy at that time, while every page of the forum was
        // closed to the company and its badges did not work; accepting a request is refused so already
        assertThatThrownBy(() -> fixture.as(partner, () -> attendees.choose(meeting, List.of(first))))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.attendees-not-approved"));
        assertThat(busyDelegates(meeting)).as("nobody sent").containsExactly(requester.firstDelegate());
        assertThat(notices(first)).as("nobody told").isEmpty();

        // approved again: the meeting still waits for its people
        fixture.asOrganizer(() -> registrations.approve(partner.id()));
        assertThat(fixture.as(partner, () -> attendees.myMeetingsWithoutAttendees())).containsExactly(meeting);
        fixture.as(partner, () -> attendees.choose(meeting, List.of(first)));
        assertThat(busyDelegates(meeting)).containsExactlyInAnyOrder(requester.firstDelegate(), first);
        assertThat(notices(first)).containsExactly("notification.meeting.ATTENDEE_ADDED");
    }

    @Test
    void a_delegate_their_company_removed_while_the_dialog_was_open_is_refused_in_words_and_nothing_changes() {
        long meeting = fixture.as(requester, () -> requests.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null)).meetingId();
        long removed = partner.delegateIds().get(1);
        fixture.removeDelegate(partner, removed);

        // before: AccessDeniedException "Not your delegates", an error page
        assertThatThrownBy(() -> fixture.as(partner, () -> attendees.choose(meeting,
                List.of(partner.firstDelegate(), removed)))).isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.delegate-removed"));
        assertThat(busyDelegates(meeting)).as("nobody sent").containsExactly(requester.firstDelegate());
        assertThat(fixture.as(partner, () -> attendees.myMeetingsWithoutAttendees())).containsExactly(meeting);
    }

    @Test
    void a_choice_that_meets_the_removal_of_its_delegate_half_way_waits_and_is_refused_in_words() throws Exception {
        long meeting = fixture.as(requester, () -> requests.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null)).meetingId();
        long removed = partner.delegateIds().get(1);

        Throwable thrown = LockWaits.whileHeld(fixture, jdbc, context.getBean(PlatformTransactionManager.class),
                () -> fixture.removeDelegate(partner, removed),
                () -> fixture.as(partner, () -> attendees.choose(meeting, List.of(removed))));

        // before: AccessDeniedException "Not your delegates" once the removal had committed, an error page
        assertThat(thrown).isInstanceOfSatisfying(BookingRefusedException.class,
                e -> assertThat(e.key()).isEqualTo("meeting.error.delegate-removed"));
        assertThat(busyDelegates(meeting)).as("nothing half-saved").containsExactly(requester.firstDelegate());
        assertThat(jdbc.queryForList("select delegate_id from meeting_delegate where meeting_id = ?", Long.class,
                meeting)).containsExactly(requester.firstDelegate());
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds()))).isZero();
    }

    @Test
    void names_holding_separators_show_as_written_each_with_its_company() {
        // a name is free text: "|" was the joined list's separator, so "Анна|Белова" read as two of the partner's
        // people and shifted the requester's last one into the partner's
        long anna = partner.delegateIds().get(1);
        jdbc.update("update delegate set full_name = ? where id = ?", "Анна|Белова", anna);
        jdbc.update("update delegate set full_name = ? where id = ?", "Иван: 7, \"Пётр\" 🙂", requester.firstDelegate());
        long meeting = fixture.as(requester, () -> requests.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null)).meetingId();
        fixture.as(partner, () -> attendees.choose(meeting, List.of(partner.firstDelegate(), anna)));

        MeetingDetails seen = fixture.as(partner, () -> meetingQueries.meeting(meeting));
        assertThat(seen.delegatesOf(requester.id())).containsExactly("Иван: 7, \"Пётр\" 🙂");
        assertThat(seen.delegatesOf(partner.id())).containsExactly("Иван Петров", "Анна|Белова");
        assertThat(fixture.asOrganizer(() -> attendance.meetingsInSlot(session.slot(1).id()))).singleElement()
                .satisfies(m -> assertThat(m.delegates()).as("at the tables, the requester's first")
                        .containsExactly("Иван: 7, \"Пётр\" 🙂", "Иван Петров", "Анна|Белова"));
    }

    @Test
    void only_a_company_whose_people_none_of_its_own_chose_is_told_to_choose_who_attends() {
        TestCompany third = fixture.approvedCompany();
        fixture.as(requester, () -> requests.request(partner.id(), session.slot(1).id(),
                List.of(requester.firstDelegate()), null));

        // before: one "Meeting confirmed" each, and the hint to choose shown with both (ux59)
        assertThat(representativeNotices(partner)).containsExactly("notification.meeting.CONFIRMED",
                "notification.meeting.CHOOSE_ATTENDEES");
        assertThat(representativeNotices(requester)).as("it chose its people").containsExactly(
                "notification.meeting.CONFIRMED");

        // a request the partner accepts with its own people: nobody is told to choose
        fixture.openBooking(false);
        long requested = fixture.as(third, () -> requests.request(partner.id(), session.slot(2).id(),
                List.of(third.firstDelegate()), null)).meetingId();
        fixture.as(partner, () -> requests.accept(requested, List.of(partner.firstDelegate()), null));
        assertThat(representativeNotices(partner)).containsOnlyOnce("notification.meeting.CHOOSE_ATTENDEES");
        assertThat(representativeNotices(third)).doesNotContain("notification.meeting.CHOOSE_ATTENDEES",
                "notification.meeting.FIRST_DELEGATE_SENT");

        // the organizers book with each company's first delegate: both are told so
        fixture.asOrganizer(() -> organizerBookings.bookAsOrganizer(requester.id(), third.id(), session.slot(0).id()));
        assertThat(representativeNotices(requester)).endsWith("notification.meeting.CONFIRMED",
                "notification.meeting.FIRST_DELEGATE_SENT");
        assertThat(representativeNotices(third)).endsWith("notification.meeting.CONFIRMED",
                "notification.meeting.FIRST_DELEGATE_SENT");
    }

    private List<String> representativeNotices(TestCompany company) {
        return jdbc.queryForList("""
                select n.message_key from notification n join app_user u on u.id = n.user_id
                where u.company_id = ? and u.delegate_id is null and n.message_key like 'notification.meeting.%'
                order by n.id""", String.class, company.id());
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
