package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.DelegateFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.delegate.DelegateInvitationService;
import org.b2bforum.delegate.Invitation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The invitation and password reset pages look their link up for anyone who opens it: a link that leads nowhere
 * counts against the visitor's address, as a calendar feed's does (CalendarFeedThrottleTest), and an address locked
 * out of links is told to wait, its token not looked up, a working one included. (Their forms are counted apart, as
 * anonymous forms: FormThrottleTest.)
 */
@ForumSpringTest
class LinkThrottleTest {

    @Autowired
    FormLocks formLocks;
    @Autowired
    BookingFixture booking;
    @Autowired
    DelegateInvitationService invitations;
    @Autowired
    PasswordResetService resets;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        RequestContextHolder.resetRequestAttributes();
        TestData.logOut();
    }

    @Test
    void links_that_lead_nowhere_count_against_the_address_and_working_ones_do_not() {
        Links links = workingLinks();
        String from = "10.27." + TestData.unique();
        from(from);

        assertThat(invitations.invitation(links.invitation()).state()).isEqualTo(Invitation.State.VALID);
        assertThat(resets.isUsable(links.reset())).isTrue();
        assertThat(misses(from)).isZero();
        assertThat(invitations.invitation("guessed-invitation").state()).isEqualTo(Invitation.State.INVALID);
        assertThat(resets.isUsable("guessed-reset")).isFalse();
        assertThat(misses(from)).isEqualTo(2);
    }

    @Test
    void an_address_locked_out_of_links_learns_nothing_of_a_working_invitation_or_reset_link() {
        Links links = workingLinks();
        String invitation = links.invitation();
        String reset = links.reset();
        String from = "10.28." + TestData.unique();
        LoginThrottle production = formLocks.productionLimits();
        while (production.linkMissed(from).isEmpty()) {
            // the next link that leads nowhere
        }
        from(from);

        assertThat(invitations.invitation(invitation)).isEqualTo(new Invitation(Invitation.State.LOCKED, null, null,
                null, null));
        assertThatThrownBy(() -> resets.isUsable(reset)).isInstanceOfSatisfying(AccountRefusedException.class,
                e -> assertThat(e.messageKey()).isEqualTo(PasswordResetService.TOO_MANY));

        from("10.29." + TestData.unique());
        assertThat(invitations.invitation(invitation).state()).isEqualTo(Invitation.State.VALID);
        assertThat(resets.isUsable(reset)).isTrue();
    }

    private record Links(String invitation, String reset) {
    }

    /** A new company's working invitation of its second delegate and password reset link of its log-in. */
    private Links workingLinks() {
        TestCompany company = booking.approvedCompany();
        String invitation = DelegateFixture.token(booking.as(company,
                () -> invitations.invite(company.delegateIds().get(1))));
        TestData.logInAsOrganizer(accounts);
        String link = resets.issueLink(accounts.loadUserByUsername(company.loginEmail()).id());
        TestData.logOut();
        return new Links(invitation, link.substring(link.lastIndexOf('/') + 1));
    }

    private int misses(String address) {
        return jdbc.queryForObject("select count(*) from form_submission where address = ?", Integer.class,
                "link:" + ClientAddress.network(address));
    }

    private static void from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
