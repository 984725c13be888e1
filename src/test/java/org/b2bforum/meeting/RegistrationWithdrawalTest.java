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
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.registration.FieldError;
import org.b2bforum.registration.InvalidRegistrationException;
import org.b2bforum.registration.RegistrationEventType;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.registration.RegistrationStateException;
import org.b2bforum.notification.NotificationView;
import org.b2bforum.venue.Attendance;
import org.b2bforum.venue.AttendanceService;
import org.b2bforum.venue.TableMeeting;
import org.b2bforum.venue.VenueFixture;
import org.b2bforum.venue.VenueRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.i18n.I18NProvider;

/** A company whose registration the organizers withdraw loses its meetings ahead; one back in review keeps them. */
@ForumSpringTest
class RegistrationWithdrawalTest {

    private static final String REASON = "регистрация отозвана организаторами / registration withdrawn by the organizers";

    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    AttendanceService attendance;
    @Autowired
    NotificationService notifications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegistrationService registrations;
    @Autowired
    ApplicationContext context;
    @Autowired
    I18NProvider i18n;

    @Autowired
    BookingFixture fixture;
    @Autowired
    BookingInvariants invariants;
    TestSession session;
    TestCompany withdrawn;
    TestCompany partner;
    TestCompany other;

    @BeforeEach
    void setUp() {
        fixture.openBooking(false);
        session = fixture.session(1, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        withdrawn = fixture.approvedCompany();
        partner = fixture.approvedCompany();
        other = fixture.approvedCompany();
    }

    @Test
    void a_rejected_companys_meetings_ahead_are_cancelled_in_the_organizers_name_and_their_places_free_again() {
        long confirmedAsRequester = requestAndAccept(withdrawn, partner, 0);
        long requestedAsPartner = fixture.as(other, () -> meetingRequests.request(withdrawn.id(), slot(1),
                List.of(other.firstDelegate()), null).meetingId());
        long confirmedAsPartner = requestAndAccept(other, withdrawn, 2);
        VenueFixture venue = new VenueFixture(context);
        TestSession past = venue.pastSession(1);
        long held = fixture.asOrganizer(() -> organizerBookings.bookAsOrganizer(withdrawn.id(), partner.id(), past.slot(0).id()));

        fixture.withdrawApproval(withdrawn);

        for (long meetingId : List.of(confirmedAsRequester, requestedAsPartner, confirmedAsPartner)) {
            assertThat(view(meetingId).status()).isEqualTo(MeetingStatus.CANCELLED);
            assertThat(view(meetingId).tableNumber()).isNull();
            assertThat(occupied(meetingId)).isZero();
            assertThat(history(meetingId)).last().isEqualTo("CANCELLED by " + TestData.ORGANIZER_EMAIL + ": " + REASON);
        }
        assertThat(view(held).status()).as("a meeting that has begun stays as it was").isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds()))).isZero();
        assertThat(BookingInvariants.total(invariants.violations(past.slotIds()))).isZero();

        assertThat(withdrawnNotices(partner)).singleElement()
                .satisfies(n -> assertThat(n.detail()).contains(" — ").contains(":00"));
        assertThat(withdrawnNotices(other)).hasSize(2);
        assertThat(withdrawnNotices(withdrawn)).hasSize(3);

        long again = requestAndAccept(partner, other, 0);
        assertThat(view(again).status()).isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(view(again).tableNumber()).as("the session's only table is free again").isEqualTo(1);
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds()))).isZero();

        BookingFixture.logInAs(venue.staff());
        assertThatThrownBy(() -> attendance.mark(confirmedAsRequester, Attendance.HELD))
                .isInstanceOf(VenueRefusedException.class).hasMessage("venue.error.not-confirmed");
        assertThat(attendance.meetingsInSlot(slot(0))).extracting(TableMeeting::meetingId).containsExactly(again);
    }

    @Test
    void an_organizer_withdraws_an_approval_with_a_reason_and_the_companys_meetings_ahead_are_cancelled() {
        long confirmed = requestAndAccept(withdrawn, partner, 0);

        fixture.asOrganizer(() -> registrations.withdrawApproval(withdrawn.id(), "Компания ликвидирована"));

        assertThat(jdbc.queryForObject("select status from company where id = ?", String.class, withdrawn.id()))
                .isEqualTo(RegistrationStatus.REJECTED.name());
        assertThat(view(confirmed).status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(occupied(confirmed)).isZero();
        assertThat(withdrawnNotices(partner)).hasSize(1);
        assertThat(fixture.as(other, () -> meetingQueries.myCancellations())).as("a third company reads nothing of it")
                .isEmpty();
        for (TestCompany company : List.of(partner, withdrawn)) {
            assertThat(fixture.as(company, () -> meetingQueries.myCancellations())).as("both companies read it")
                    .containsOnlyKeys(confirmed).extractingByKey(confirmed).satisfies(cancellation -> {
                        assertThat(cancellation.byOrganizers()).isTrue();
                        assertThat(cancellation.reason()).isEqualTo(REASON);
                        assertThat(cancellation.registrationWithdrawn(i18n::getTranslation)).isTrue();
                    });
        }
        assertThat(fixture.as(withdrawn, () -> notifications.mine(50))).anySatisfy(n -> {
            assertThat(n.messageKey()).isEqualTo("notification.registration.REJECTED");
            assertThat(n.detail()).isEqualTo("Компания ликвидирована");
        });
        assertThat(fixture.as(withdrawn, () -> registrations.history(withdrawn.id()))).last().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(RegistrationEventType.APPROVAL_WITHDRAWN);
            assertThat(entry.comment()).isEqualTo("Компания ликвидирована");
        });
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds()))).isZero();
    }

    @Test
    void an_approval_is_withdrawn_only_by_an_organizer_with_a_reason_and_only_from_an_approved_company() {
        assertThatThrownBy(() -> fixture.as(partner, () -> registrations.withdrawApproval(withdrawn.id(), "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.asOrganizer(() -> registrations.withdrawApproval(withdrawn.id(), "  ")))
                .isInstanceOfSatisfying(InvalidRegistrationException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("reason", "validation.required")));
        fixture.sendBackToReview(withdrawn);
        assertThatThrownBy(() -> fixture.asOrganizer(() -> registrations.withdrawApproval(withdrawn.id(), "x")))
                .isInstanceOfSatisfying(RegistrationStateException.class,
                        e -> assertThat(e.key()).isEqualTo("registration.error.not-approved-now"));
    }

    @Test
    void a_company_only_back_in_review_keeps_its_confirmed_meetings() {
        long confirmed = requestAndAccept(withdrawn, partner, 0);

        fixture.sendBackToReview(withdrawn);

        assertThat(jdbc.queryForObject("select status from company where id = ?", String.class, withdrawn.id()))
                .isEqualTo(RegistrationStatus.PENDING.name());
        assertThat(view(confirmed).status()).isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(occupied(confirmed)).isEqualTo(2 + 2 + 1);
        assertThat(withdrawnNotices(partner)).isEmpty();
        assertThat(BookingInvariants.total(invariants.violations(session.slotIds()))).isZero();
    }

    @Test
    void only_organizers_cancel_all_meetings_of_a_company_and_only_of_a_rejected_one() {
        long confirmed = requestAndAccept(withdrawn, partner, 0);

        assertThatThrownBy(() -> fixture.as(partner, () -> organizerBookings.cancelAllOf(withdrawn.id(), "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.asOrganizer(() -> organizerBookings.cancelAllOf(withdrawn.id(), "x")))
                .isInstanceOfSatisfying(BookingRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("meeting.error.company-not-rejected"));
        assertThat(view(confirmed).status()).isEqualTo(MeetingStatus.CONFIRMED);
    }

    private long slot(int index) {
        return session.slot(index).id();
    }

    private long requestAndAccept(TestCompany from, TestCompany to, int slot) {
        return MeetingRecords.requestAndAccept(fixture, meetingRequests, from, to, slot(slot));
    }

    private MeetingDetails view(long meetingId) {
        return fixture.asOrganizer(() -> meetingQueries.meeting(meetingId));
    }

    private List<NotificationView> withdrawnNotices(TestCompany company) {
        return fixture.as(company, () -> notifications.mine(50)).stream()
                .filter(n -> n.messageKey().equals("notification.meeting.REGISTRATION_WITHDRAWN")).toList();
    }

    private List<String> history(long meetingId) {
        return MeetingRecords.history(jdbc, meetingId);
    }

    private int occupied(long meetingId) {
        return MeetingRecords.occupied(jdbc, meetingId);
    }
}
