package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ThreadLocalRandom;

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
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The anonymous forms (registration, invitation, password reset) refuse an address that submits too often. */
@ForumSpringTest
class FormThrottleTest {

    @Autowired
    LoginThrottle throttle;
    @Autowired
    RegistrationService registrations;
    @Autowired
    DelegateInvitationService invitations;
    @Autowired
    PasswordResetService resets;
    @Autowired
    AccountService accounts;

    String address;

    @BeforeEach
    void fromALockedAddress() {
        address = "10.15." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        // The tests raise the limit (they all come from 127.0.0.1): submit until this address is locked.
        while (throttle.formSubmitted(address).isEmpty()) {
            // keep submitting
        }
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
}
