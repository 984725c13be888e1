package org.b2bforum.delegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.DelegateFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.Role;
import org.b2bforum.base.security.Tokens;
import org.b2bforum.meeting.MeetingQueries;
import org.b2bforum.meeting.MeetingRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A representative invites a delegate; the delegate sets a password once and logs in as DELEGATE. */
@ForumSpringTest
class DelegateInvitationServiceTest {

    static final String PASSWORD = DelegateFixture.DELEGATE_PASSWORD;

    @Autowired
    ApplicationContext context;
    @Autowired
    DelegateInvitationService invitations;
    @Autowired
    AccountService accounts;
    @Autowired
    MeetingQueries meetingQueries;
    @Autowired
    MeetingRequests meetingRequests;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    BookingFixture booking;

    @Test
    void an_invitation_is_accepted_once_and_makes_a_delegate_log_in_with_the_delegates_email() {
        TestCompany company = booking.approvedCompany();
        long delegate = company.firstDelegate();
        InvitationSent sent = booking.as(company, () -> invitations.invite(delegate));
        String token = DelegateFixture.token(sent);

        assertThat(sent.emailed()).as("no SMTP in tests").isFalse();
        assertThat(sent.link()).matches("http://localhost:\\d+/invitation/[A-Za-z0-9_-]{43}");
        assertThat(sent.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(13)));
        assertThat(jdbc.queryForObject("select token_hash from delegate_invitation where delegate_id = ?", String.class,
                delegate)).as("only the hash is stored").isEqualTo(Tokens.hash(token)).isNotEqualTo(token);
        assertThat(booking.as(company, () -> invitations.myDelegates()).getFirst().status())
                .isEqualTo(DelegateAccess.Status.INVITED);

        Invitation invitation = invitations.invitation(token);
        assertThat(invitation.state()).isEqualTo(Invitation.State.VALID);
        assertThat(invitation.delegateName()).isEqualTo("Иван Петров");
        assertThat(invitation.email()).isEqualTo(sent.email());

        invitations.accept(token, PASSWORD, PASSWORD);

        ForumUser user = accounts.loadUserByUsername(sent.email());
        assertThat(user.role()).isEqualTo(Role.DELEGATE);
        assertThat(user.delegateId()).isEqualTo(delegate);
        assertThat(user.companyId()).isNull();
        assertThat(user.displayName()).isEqualTo("Иван Петров");
        assertThat(passwordEncoder.matches(PASSWORD, user.getPassword())).isTrue();
        assertThat(booking.as(company, () -> invitations.myDelegates()).getFirst().status())
                .isEqualTo(DelegateAccess.Status.ACTIVE);

        assertThat(invitations.invitation(token).state()).isEqualTo(Invitation.State.USED);
        assertThat(invitations.invitation(token).delegateName()).as("says nothing about the person").isNull();
        assertThatThrownBy(() -> invitations.accept(token, "Another-Pass-2026", "Another-Pass-2026"))
                .isInstanceOf(InvitationRefusedException.class).extracting("key").isEqualTo("invitation.state.USED");
        assertThatThrownBy(() -> booking.as(company, () -> invitations.invite(delegate)))
                .isInstanceOf(InvitationRefusedException.class).extracting("key")
                .isEqualTo("invitation.error.has-account");
    }

    @Test
    void an_expired_invitation_is_refused_and_inviting_again_replaces_the_old_link() {
        TestCompany company = booking.approvedCompany();
        long delegate = company.delegateIds().get(1);
        String first = DelegateFixture.token(booking.as(company, () -> invitations.invite(delegate)));
        jdbc.update("update delegate_invitation set expires_at = ? where delegate_id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(60)), delegate);

        assertThat(invitations.invitation(first).state()).isEqualTo(Invitation.State.EXPIRED);
        assertThatThrownBy(() -> invitations.accept(first, PASSWORD, PASSWORD))
                .isInstanceOf(InvitationRefusedException.class).extracting("key").isEqualTo("invitation.state.EXPIRED");
        assertThat(booking.as(company, () -> invitations.myDelegates()).get(1).status())
                .isEqualTo(DelegateAccess.Status.EXPIRED);

        String second = DelegateFixture.token(booking.as(company, () -> invitations.invite(delegate)));

        assertThat(second).isNotEqualTo(first);
        assertThat(invitations.invitation(first).state()).isEqualTo(Invitation.State.INVALID);
        assertThat(invitations.invitation(second).state()).isEqualTo(Invitation.State.VALID);
        invitations.accept(second, PASSWORD, PASSWORD);
        assertThat(accounts.loadUserByUsername(
                jdbc.queryForObject("select email from delegate where id = ?", String.class, delegate)).delegateId())
                .isEqualTo(delegate);
    }

    @Test
    void unknown_tokens_weak_passwords_and_taken_emails_are_refused_in_words() {
        assertThat(invitations.invitation("no-such-token").state()).isEqualTo(Invitation.State.INVALID);
        assertThat(invitations.invitation("").state()).isEqualTo(Invitation.State.INVALID);
        assertThatThrownBy(() -> invitations.accept("no-such-token", PASSWORD, PASSWORD))
                .isInstanceOf(InvitationRefusedException.class).extracting("key").isEqualTo("invitation.state.INVALID");

        TestCompany company = booking.approvedCompany();
        String token = DelegateFixture.token(booking.as(company, () -> invitations.invite(company.firstDelegate())));
        assertThatThrownBy(() -> invitations.accept(token, "short1", "short1"))
                .isInstanceOf(InvitationRefusedException.class)
                .satisfies(e -> {
                    assertThat(((InvitationRefusedException) e).key()).isEqualTo("validation.password.too-short");
                    assertThat(((InvitationRefusedException) e).field()).isEqualTo("password");
                });
        assertThatThrownBy(() -> invitations.accept(token, PASSWORD, PASSWORD + "x"))
                .isInstanceOf(InvitationRefusedException.class).extracting("field").isEqualTo("confirmation");
        assertThat(invitations.invitation(token).state()).as("still usable").isEqualTo(Invitation.State.VALID);

        // someone registers a company with the delegate's e-mail meanwhile
        String email = invitations.invitation(token).email();
        jdbc.update("update app_user set email = ? where email = ?", email, company.loginEmail());
        assertThatThrownBy(() -> invitations.accept(token, PASSWORD, PASSWORD))
                .isInstanceOf(InvitationRefusedException.class).extracting("key")
                .isEqualTo("invitation.error.email-taken");
    }

    @Test
    void a_company_invites_only_its_own_delegates_and_a_delegate_sees_no_representatives_actions() {
        TestCompany company = booking.approvedCompany();
        TestCompany other = booking.approvedCompany();

        assertThatThrownBy(() -> booking.as(company, () -> invitations.invite(other.firstDelegate())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> booking.asOrganizer(() -> invitations.invite(other.firstDelegate())))
                .isInstanceOf(AccessDeniedException.class);

        String login = new DelegateFixture(context).delegateAccount(company, company.firstDelegate());
        TestData.logInAs(accounts, login);
        assertThatThrownBy(() -> invitations.myDelegates()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.invite(company.delegateIds().get(1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetingQueries.myMeetings()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetingQueries.myDelegates()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetingRequests.request(other.id(), 1, List.of(company.firstDelegate()), "hi").meetingId())
                .isInstanceOf(AccessDeniedException.class);
        assertThat(meetingQueries.myCompanyAgenda().orElseThrow()).isEmpty();
    }

    @Test
    void a_pending_company_cannot_invite_yet() {
        TestCompany pending = booking.pendingCompany();

        assertThatThrownBy(() -> booking.as(pending, () -> invitations.invite(pending.firstDelegate())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_invitation_stops_working_once_the_company_is_no_longer_approved() {
        TestCompany company = booking.approvedCompany();
        String token = DelegateFixture.token(booking.as(company, () -> invitations.invite(company.firstDelegate())));

        booking.withdrawApproval(company);

        assertThat(invitations.invitation(token).state()).isEqualTo(Invitation.State.INVALID);
        assertThatThrownBy(() -> invitations.accept(token, PASSWORD, PASSWORD))
                .isInstanceOf(InvitationRefusedException.class).extracting("key")
                .isEqualTo("invitation.state.INVALID");
    }
}
