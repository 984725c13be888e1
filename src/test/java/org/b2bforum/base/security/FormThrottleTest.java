package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.delegate.DelegateInvitationService;
import org.b2bforum.delegate.InvitationRefusedException;
import org.b2bforum.registration.FieldError;
import org.b2bforum.registration.InvalidRegistrationException;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The anonymous forms (registration, invitation, password reset) refuse an address that submits too often. */
@ForumSpringTest
class FormThrottleTest {

    @Autowired
    FormLocks formLocks;
    @Autowired
    RegistrationService registrations;
    @Autowired
    DelegateInvitationService invitations;
    @Autowired
    PasswordResetService resets;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    String address;

    @BeforeEach
    void fromALockedAddress() {
        address = "10.15." + TestData.unique();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        // The tests raise the limit (they all come from 127.0.0.1): a node with the production limit locks it.
        formLocks.lock(address);
    }

    @AfterEach
    void cleanUp() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_registration_is_refused_with_the_time_to_wait_next_to_the_log_in_and_nothing_is_saved() {
        long before = accounts.count();
        RegistrationForm form = TestData.registrationForm();

        assertThatThrownBy(() -> registrations.register(form)).isInstanceOfSatisfying(
                InvalidRegistrationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("loginEmail", "form.too-many", "5")));
        assertThat(accounts.count()).isEqualTo(before);
        assertThat(accounts.isEmailRegistered(form.getLoginEmail())).isFalse();
    }

    @Test
    void an_invitation_is_not_accepted() {
        assertThatThrownBy(() -> invitations.accept("any-token", "Forum-Delegate-2026", "Forum-Delegate-2026"))
                .isInstanceOfSatisfying(InvitationRefusedException.class,
                        e -> assertThat(e.key()).isEqualTo("form.too-many-later"));
    }

    @Test
    void a_password_reset_request_is_refused_with_the_time_to_wait() {
        assertThat(resets.requestByEmail(TestData.ORGANIZER_EMAIL)).isPresent();
    }

    @Test
    void a_password_reset_from_a_locked_address_says_to_try_later_not_that_the_link_is_dead() {
        assertThatThrownBy(() -> resets.reset("any-token", "Forum-Reset-2026", "Forum-Reset-2026"))
                .isInstanceOfSatisfying(AccountRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("form.too-many-later"));
    }

    @Test
    void another_address_goes_on() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address + "9");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        assertThat(resets.requestByEmail(TestData.uniqueEmail("nobody"))).isEmpty();
    }

    @Test
    void a_refused_form_counts_all_the_same_though_its_transaction_rolls_back() {
        String fresh = "10.17." + TestData.unique();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(fresh);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        RegistrationForm taken = TestData.registrationForm();
        taken.setLoginEmail(TestData.ORGANIZER_EMAIL);

        assertThatThrownBy(() -> registrations.register(taken)).isInstanceOf(InvalidRegistrationException.class);
        assertThatThrownBy(() -> resets.reset("dead-token", "Forum-Reset-2026", "Forum-Reset-2026"))
                .isInstanceOf(AccountRefusedException.class);
        assertThatThrownBy(() -> invitations.accept("dead-token", "Forum-Delegate-2026", "Forum-Delegate-2026"))
                .isInstanceOf(InvitationRefusedException.class);

        assertThat(jdbc.queryForObject("select count(*) from form_submission where address = ?", Integer.class, fresh))
                .isEqualTo(3);
    }
}
