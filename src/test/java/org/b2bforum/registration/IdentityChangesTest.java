package org.b2bforum.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.company.Country;
import org.b2bforum.company.DirectoryService;
import org.b2bforum.meeting.MeetingDetails;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.venue.CheckInService;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * mend53a: a new name, country or tax number of an approved company is a proposal the forum office decides; the
 * company stays approved meanwhile (its meetings, badges and check-in), under its approved name on every page.
 */
@ForumSpringTest
class IdentityChangesTest {

    @Autowired
    RegistrationService registrations;
    @Autowired
    IdentityChanges identityChanges;
    @Autowired
    PendingApplicationsCounter menuCount;
    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    CheckInService checkIns;
    @Autowired
    DirectoryService directory;
    @Autowired
    BookingFixture booking;
    @Autowired
    VenueFixture venue;
    @Autowired
    JdbcTemplate jdbc;

    TestCompany company;
    TestCompany partner;
    String oldName;
    String newName;

    @BeforeEach
    void anApprovedCompanyWithAConfirmedMeeting() {
        company = booking.approvedCompany();
        partner = booking.approvedCompany();
        TestSession session = venue.futureSession(2);
        booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(company.id(), partner.id(), session.slot(0).id()));
        oldName = shortName(company);
        newName = oldName + " Плюс";
    }

    private String shortName(TestCompany c) {
        return jdbc.queryForObject("select short_name from company where id = ?", String.class, c.id());
    }

    private String status(TestCompany c) {
        return jdbc.queryForObject("select status from company where id = ?", String.class, c.id());
    }

    private boolean propose(TestCompany c, String name) {
        return booking.as(c, () -> {
            RegistrationForm form = registrations.myApplicationForm();
            form.setShortName(name);
            return registrations.updateProfile(form);
        });
    }

    /** What the office sees of the company's proposal: when it was made (null when there is none). */
    private Instant seen(TestCompany c) {
        return booking.asOrganizer(() -> identityChanges.of(c.id()).map(IdentityProposal::proposedAt).orElse(null));
    }

    private List<String> notifications(TestCompany c, String key) {
        return jdbc.queryForList("select coalesce(detail, '') from notification where user_id = ? and message_key = ?",
                String.class, c.user().id(), key);
    }

    private List<RegistrationEventType> trail(TestCompany c) {
        return booking.asOrganizer(() -> registrations.history(c.id()).stream().map(RegistrationHistoryEntry::type)
                .toList());
    }

    @Test
    void with_a_new_name_proposed_the_company_keeps_its_meetings_badges_and_check_in_under_its_approved_name() {
        String token = venue.badgeToken(company.firstDelegate());

        assertThat(propose(company, newName)).as("a proposal went to the office").isTrue();

        assertThat(status(company)).isEqualTo("APPROVED");
        assertThat(shortName(company)).isEqualTo(oldName);
        booking.as(company, () -> {
            assertThat(identityChanges.mine()).hasValueSatisfying(p -> {
                assertThat(p.proposed().shortName()).isEqualTo(newName);
                assertThat(p.approved().shortName()).isEqualTo(oldName);
            });
            assertThat(registrations.myApplicationForm().getShortName()).as("the form shows what it proposed")
                    .isEqualTo(newName);
            // meetings: it still books (a pending company is refused here) and sees its confirmed meeting
            meetingQueries.freeSlotsWith(partner.id(), List.of(company.firstDelegate()));
            assertThat(meetingQueries.myMeetings()).hasSize(1);
        });
        booking.as(partner, () -> assertThat(meetingQueries.myMeetings()).extracting(MeetingDetails::requesterName)
                .containsExactly(oldName));
        BookingFixture.logInAs(venue.staff());
        assertThat(checkIns.find(token).orElseThrow().withdrawn()).isFalse();
        assertThat(checkIns.checkIn(token)).isPresent();
        assertThat(trail(company)).endsWith(RegistrationEventType.IDENTITY_CHANGE_PROPOSED,
                RegistrationEventType.PROFILE_UPDATED);
        booking.asOrganizer(() -> assertThat(identityChanges.pending()).extracting(IdentityProposal::companyId)
                .contains(company.id()));
    }

    @Test
    void the_menu_counts_proposals_beside_the_applications() {
        long before = booking.asOrganizer(() -> menuCount.count());
        propose(company, newName);
        assertThat(booking.asOrganizer(() -> menuCount.count())).isEqualTo(before + 1);
    }

    @Test
    void accepting_applies_the_new_name_everywhere_and_tells_the_company() {
        propose(company, newName);

        booking.asOrganizer(() -> identityChanges.accept(company.id(), seen(company)));

        assertThat(shortName(company)).isEqualTo(newName);
        assertThat(status(company)).isEqualTo("APPROVED");
        booking.as(partner, () -> {
            assertThat(meetingQueries.myMeetings()).extracting(MeetingDetails::requesterName).containsExactly(newName);
            assertThat(directory.profile(company.id()).shortName()).isEqualTo(newName);
        });
        booking.as(company, () -> assertThat(identityChanges.mine()).isEmpty());
        assertThat(notifications(company, "notification.identity-change.accepted")).singleElement()
                .asString().contains(oldName + " → " + newName);
        assertThat(trail(company)).last().isEqualTo(RegistrationEventType.IDENTITY_CHANGE_ACCEPTED);
    }

    @Test
    void declining_keeps_the_approved_name_and_tells_the_company_why() {
        propose(company, newName);

        Instant read = seen(company);
        assertThatThrownBy(() -> booking.asOrganizer(() -> identityChanges.decline(company.id(), read, " ")))
                .isInstanceOf(InvalidRegistrationException.class);
        booking.asOrganizer(
                () -> identityChanges.decline(company.id(), seen(company), "Название не совпадает с выпиской ЕГРЮЛ"));

        assertThat(shortName(company)).isEqualTo(oldName);
        booking.as(company, () -> {
            assertThat(identityChanges.mine()).isEmpty();
            assertThat(registrations.myApplicationForm().getShortName()).isEqualTo(oldName);
        });
        assertThat(notifications(company, "notification.identity-change.declined"))
                .containsExactly("Название не совпадает с выпиской ЕГРЮЛ");
        assertThat(trail(company)).last().isEqualTo(RegistrationEventType.IDENTITY_CHANGE_DECLINED);
    }

    @Test
    void a_proposal_made_again_while_the_office_read_the_first_is_neither_accepted_nor_declined_unseen() {
        propose(company, newName);
        Instant read = seen(company);
        propose(company, newName + " Групп"); // the company proposes again meanwhile
        List<RegistrationEventType> before = trail(company);

        assertThatThrownBy(() -> booking.asOrganizer(() -> identityChanges.accept(company.id(), read)))
                .isInstanceOfSatisfying(RegistrationStateException.class,
                        e -> assertThat(e.key()).isEqualTo("identity-change.error.changed"));
        assertThatThrownBy(() -> booking.asOrganizer(() -> identityChanges.decline(company.id(), read, "Нет")))
                .isInstanceOfSatisfying(RegistrationStateException.class,
                        e -> assertThat(e.key()).isEqualTo("identity-change.error.changed"));

        assertThat(shortName(company)).isEqualTo(oldName);
        assertThat(booking.asOrganizer(() -> identityChanges.of(company.id()))).hasValueSatisfying(
                p -> assertThat(p.proposed().shortName()).isEqualTo(newName + " Групп"));
        assertThat(trail(company)).isEqualTo(before);
        assertThat(notifications(company, "notification.identity-change.accepted")).isEmpty();
        assertThat(notifications(company, "notification.identity-change.declined")).isEmpty();
    }

    @Test
    void a_form_loaded_with_a_proposal_the_office_declined_since_does_not_send_it_again_unseen() {
        propose(company, newName);
        RegistrationForm open = booking.as(company, () -> registrations.myApplicationForm());
        Instant read = seen(company);
        booking.asOrganizer(() -> identityChanges.decline(company.id(), read, "Название не совпадает с выпиской"));
        open.setDescription(open.getDescription() + " Дополнено.");

        assertThatThrownBy(() -> booking.as(company, () -> registrations.updateProfile(open)))
                .isInstanceOfSatisfying(RegistrationStateException.class,
                        e -> assertThat(e.key()).isEqualTo("identity-change.error.form-outdated"));

        booking.as(company, () -> assertThat(identityChanges.mine()).as("not sent again").isEmpty());
        assertThat(trail(company)).last().isEqualTo(RegistrationEventType.IDENTITY_CHANGE_DECLINED);
        assertThat(propose(company, newName + " Групп")).as("a form opened again proposes anew").isTrue();
    }

    @Test
    void a_tax_number_another_company_took_meanwhile_is_refused_at_acceptance_and_nothing_changes() {
        String number = booking.as(company, () -> {
            RegistrationForm form = registrations.myApplicationForm();
            form.setTaxNumber(form.getCountry() == Country.BY ? TestData.uniqueUnp() : TestData.uniqueInn());
            registrations.updateProfile(form);
            return form.getTaxNumber();
        });
        String approvedNumber = jdbc.queryForObject("select tax_number from company where id = ?", String.class,
                company.id());
        jdbc.update("update company set tax_number = ? where id = ?", number, partner.id()); // registered meanwhile

        assertThatThrownBy(() -> booking.asOrganizer(() -> identityChanges.accept(company.id(), seen(company))))
                .isInstanceOfSatisfying(RegistrationStateException.class,
                        e -> assertThat(e.key()).isEqualTo("identity-change.error.tax-number-taken"));
        assertThat(jdbc.queryForObject("select tax_number from company where id = ?", String.class, company.id()))
                .isEqualTo(approvedNumber);
        assertThat(booking.asOrganizer(() -> identityChanges.of(company.id()))).isPresent();
    }

    @Test
    void withdrawing_keeps_the_approved_name_and_so_does_saving_the_approved_name_again() {
        propose(company, newName);
        booking.as(company, () -> identityChanges.withdraw());
        booking.as(company, () -> assertThat(identityChanges.mine()).isEmpty());
        assertThat(trail(company)).last().isEqualTo(RegistrationEventType.IDENTITY_CHANGE_WITHDRAWN);

        propose(company, newName);
        assertThat(propose(company, oldName)).as("the approved name again: nothing for the office").isFalse();
        booking.as(company, () -> assertThat(identityChanges.mine()).isEmpty());
        assertThat(shortName(company)).isEqualTo(oldName);
    }

    @Test
    void a_withdrawn_approval_takes_the_proposal_with_it() {
        propose(company, newName);
        long before = booking.asOrganizer(() -> identityChanges.count());

        booking.asOrganizer(() -> registrations.withdrawApproval(company.id(), "Компания не участвует"));

        assertThat(booking.asOrganizer(() -> identityChanges.of(company.id()))).isEmpty();
        assertThat(booking.asOrganizer(() -> identityChanges.count())).isEqualTo(before - 1);
        assertThat(trail(company)).as("the trail says what became of the proposal").endsWith(
                RegistrationEventType.IDENTITY_CHANGE_DECLINED, RegistrationEventType.APPROVAL_WITHDRAWN);
        assertThat(notifications(company, "notification.identity-change.declined")).as("told of the withdrawal alone")
                .isEmpty();
    }

    @Test
    void only_organizers_decide_and_a_company_withdraws_only_its_own_proposal() {
        propose(company, newName);
        Instant read = seen(company);

        booking.as(partner, () -> {
            assertThatThrownBy(() -> identityChanges.accept(company.id(), read))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> identityChanges.decline(company.id(), read, "нет"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> identityChanges.pending()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> identityChanges.of(company.id())).isInstanceOf(AccessDeniedException.class);
            assertThat(identityChanges.mine()).as("the partner's own: none").isEmpty();
            assertThatThrownBy(() -> identityChanges.withdraw()).isInstanceOfSatisfying(
                    RegistrationStateException.class, e -> assertThat(e.key()).isEqualTo("identity-change.error.none"));
        });
        booking.as(company, () -> assertThatThrownBy(() -> identityChanges.accept(company.id(), read))
                .as("not even its own").isInstanceOf(AccessDeniedException.class));
        BookingFixture.logInAs(venue.staff());
        assertThatThrownBy(() -> identityChanges.accept(company.id(), read))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(shortName(company)).isEqualTo(oldName);
        assertThat(booking.asOrganizer(() -> identityChanges.of(company.id()))).isPresent();
    }
}
