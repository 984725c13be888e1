package org.b2bforum.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.DelegateFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.PasswordResetService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.calendar.CalendarService;
import org.b2bforum.company.Delegates;
import org.b2bforum.delegate.DelegateInvitationService;
import org.b2bforum.delegate.Invitation;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.program.ProgramItemKind;
import org.b2bforum.venue.CheckInService;
import org.b2bforum.venue.VenueFixture;
import org.b2bforum.program.ProgramItems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A company edits its delegate list: a person stays the same row (log-in, badge, calendar) only
 * while the e-mail stays; someone put in another's place starts afresh and the old person's access
 * is gone; a delegate the other side or the venue counts on is not removed.
 */
@ForumSpringTest
class DelegateListEditingTest {

    @Autowired
    RegistrationService registrations;
    @Autowired
    CalendarService calendars;
    @Autowired
    DelegateInvitationService invitations;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    ProgramItems programItems;
    @Autowired
    CheckInService checkIns;
    @Autowired
    Delegates delegates;
    @Autowired
    AccountService accounts;
    @Autowired
    PasswordResetService passwordResets;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    VenueFixture venue;
    @Autowired
    BookingFixture booking;

    private void saveDelegates(TestCompany company, List<RegistrationForm.DelegateForm> list) {
        booking.as(company, () -> {
            RegistrationForm form = registrations.myApplicationForm();
            form.setDelegates(list);
            registrations.updateProfile(form);
        });
    }

    private List<RegistrationForm.DelegateForm> currentDelegates(TestCompany company) {
        return new ArrayList<>(booking.as(company, () -> registrations.myApplicationForm()).getDelegates());
    }

    private List<Long> delegateIds(TestCompany company) {
        return jdbc.queryForList("select id from delegate where company_id = ? order by sort_order", Long.class,
                company.id());
    }

    @Test
    void a_person_put_in_another_delegates_place_gets_a_new_row_and_nothing_of_the_old_persons() {
        TestSession session = venue.futureSession(2);
        TestCompany company = booking.approvedCompany();
        long ivan = company.delegateIds().get(0);
        long anna = company.delegateIds().get(1);
        ForumUser annasLogIn = venue.delegateAccount(anna);
        String annasBadge = venue.badgeToken(anna);
        BookingFixture.logInAs(annasLogIn);
        String annasFeed = feedToken(calendars.newSubscription());
        TestData.logOut();
        long roundTable = booking.asOrganizer(() -> programItems.add(session.dayId(), ProgramItemKind.ROUND_TABLE,
                "Круглый стол " + TestData.unique(), null, "Зал Б", null, LocalTime.of(12, 0), LocalTime.of(13, 0)));
        booking.as(company, () -> programItems.signUp(roundTable, List.of(anna)));
        assertThat(calendars.feed(annasFeed, Languages.RUSSIAN)).isPresent();

        List<RegistrationForm.DelegateForm> list = currentDelegates(company);
        String newEmail = TestData.uniqueEmail("petr");
        list.set(1, new RegistrationForm.DelegateForm("Пётр Иванов", "Юрист", newEmail, "+7 900 111 22 33"));
        saveDelegates(company, list);

        List<Long> ids = delegateIds(company);
        assertThat(ids).hasSize(2);
        assertThat(ids.get(0)).as("the person who stays keeps the row").isEqualTo(ivan);
        assertThat(ids.get(1)).as("the new person gets a row of their own").isNotEqualTo(anna);
        assertThat(jdbc.queryForObject("select count(*) from delegate where id = ?", Integer.class, anna)).isZero();
        assertThat(jdbc.queryForObject("select check_in_token from delegate where id = ?", String.class, ids.get(1)))
                .isNull();
        assertThat(accounts.isEmailRegistered(annasLogIn.email())).as("the old person's log-in is gone").isFalse();
        assertThat(delegates.byCheckInToken(annasBadge)).as("the old badge admits nobody").isEmpty();
        assertThat(calendars.feed(annasFeed, Languages.RUSSIAN)).as("the old calendar link is gone").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from program_item_attendee where program_item_id = ?",
                Integer.class, roundTable)).isZero();
        assertThat(jdbc.queryForObject("select email from delegate where id = ?", String.class, ids.get(1)))
                .isEqualTo(newEmail);
    }

    @Test
    void reordering_and_editing_keeps_each_persons_row_matched_by_email_whatever_its_case() {
        TestCompany company = booking.approvedCompany();
        long ivan = company.delegateIds().get(0);
        long anna = company.delegateIds().get(1);
        String annasBadge = venue.badgeToken(anna);

        List<RegistrationForm.DelegateForm> list = currentDelegates(company);
        RegistrationForm.DelegateForm annaForm = list.get(1);
        annaForm.setEmail(annaForm.getEmail().toUpperCase(java.util.Locale.ROOT));
        annaForm.setPosition("Коммерческий директор");
        saveDelegates(company, List.of(annaForm, list.get(0)));

        assertThat(delegateIds(company)).containsExactly(anna, ivan);
        assertThat(jdbc.queryForObject("select position from delegate where id = ?", String.class, anna))
                .isEqualTo("Коммерческий директор");
        assertThat(delegates.byCheckInToken(annasBadge)).contains(anna);
    }

    @Test
    void a_pending_invitation_of_a_removed_delegate_stops_working() {
        TestCompany company = booking.approvedCompany();
        long anna = company.delegateIds().get(1);
        String token = DelegateFixture.token(booking.as(company, () -> invitations.invite(anna)));

        saveDelegates(company, List.of(currentDelegates(company).get(0)));

        assertThat(invitations.invitation(token).state()).isEqualTo(Invitation.State.INVALID);
        assertThat(jdbc.queryForObject("select count(*) from delegate_invitation where delegate_id = ?", Integer.class,
                anna)).isZero();
    }

    @Test
    void a_delegate_with_a_password_reset_link_is_removed_with_the_log_in_and_the_link() {
        TestCompany company = booking.approvedCompany();
        long anna = company.delegateIds().get(1);
        ForumUser annasLogIn = venue.delegateAccount(anna);
        String link = booking.asOrganizer(() -> passwordResets.issueLink(annasLogIn.id()));
        String token = link.substring(link.lastIndexOf('/') + 1);

        // before, the log-in's delete failed on the reset link's foreign key: the company's form an error page
        saveDelegates(company, List.of(currentDelegates(company).get(0)));

        assertThat(jdbc.queryForObject("select count(*) from app_user where id = ?", Integer.class, annasLogIn.id()))
                .isZero();
        assertThat(passwordResets.isUsable(token)).isFalse();
    }

    @Test
    void a_delegate_in_a_confirmed_meeting_is_not_removed_the_meetings_are_named_and_nothing_is_saved() {
        TestSession session = venue.futureSession(2);
        TestCompany company = booking.approvedCompany();
        TestCompany partner = booking.approvedCompany();
        long ivan = company.firstDelegate();
        long meeting = booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(company.id(), partner.id(),
                session.slot(0).id()));
        String partnerName = jdbc.queryForObject("select short_name from company where id = ?", String.class,
                partner.id());

        InvalidRegistrationException refused = catchThrowableOfType(InvalidRegistrationException.class,
                () -> booking.as(company, () -> {
                    RegistrationForm form = registrations.myApplicationForm();
                    form.setSeeks("Новые партнёры в Гомеле и Бресте, дилеры и сервис.");
                    form.setDelegates(List.of(form.getDelegates().get(1)));
                    registrations.updateProfile(form);
                }));

        assertThat(refused).isNotNull();
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("delegates");
            assertThat(error.key()).isEqualTo("validation.delegates.in-meetings");
            assertThat(error.detail()).contains(partnerName);
        });
        assertThat(delegateIds(company)).contains(ivan).hasSize(2);
        assertThat(jdbc.queryForObject("select seeks from company where id = ?", String.class, company.id()))
                .as("nothing half-saved").doesNotContain("Гомеле");

        // once the meeting is cancelled the delegate may go, and the cancelled meeting does not hold them
        booking.asOrganizer(() -> meetingRequests.cancel(meeting, null));
        saveDelegates(company, List.of(currentDelegates(company).get(1)));
        assertThat(delegateIds(company)).doesNotContain(ivan).hasSize(1);
    }

    @Test
    void a_delegate_already_checked_in_at_the_forum_is_not_removed() {
        TestCompany company = booking.approvedCompany();
        long anna = company.delegateIds().get(1);
        String badge = venue.badgeToken(anna);
        BookingFixture.logInAs(venue.staff());
        checkIns.checkIn(badge).orElseThrow();
        TestData.logOut();

        InvalidRegistrationException refused = catchThrowableOfType(InvalidRegistrationException.class,
                () -> saveDelegates(company, List.of(currentDelegates(company).get(0))));

        assertThat(refused.errors()).extracting(FieldError::key).containsExactly("validation.delegates.checked-in");
        assertThat(refused.errors().getFirst().detail()).isEqualTo("Anna Smirnova");
        assertThat(delegateIds(company)).contains(anna);
    }

    /** The token of a calendar subscription link. */
    private static String feedToken(String url) {
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }
}
