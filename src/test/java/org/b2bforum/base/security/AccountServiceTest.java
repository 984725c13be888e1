package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.b2bforum.TestData;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;
    @Autowired
    RegistrationService registrations;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_configured_organizer_exists_and_is_a_real_organizer() {
        ForumUser organizer = accounts.loadUserByUsername(TestData.ORGANIZER_EMAIL);

        assertThat(organizer.isOrganizer()).isTrue();
        assertThat(organizer.isEnabled()).isTrue();
        assertThat(organizer.companyId()).isNull();
        assertThat(organizer.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ORGANIZER");
        assertThat(passwordEncoder.matches(TestData.ORGANIZER_PASSWORD, organizer.getPassword())).isTrue();
        assertThat(accounts.hasRealOrganizer()).isTrue();
    }

    @Test
    void passwords_are_stored_hashed() {
        RegistrationForm form = TestData.registrationForm();
        registrations.register(form);

        String stored = jdbc.queryForObject("select password_hash from app_user where email = ?", String.class,
                form.getLoginEmail());

        assertThat(stored).doesNotContain(form.getPassword()).startsWith("{bcrypt}");
        assertThat(passwordEncoder.matches(form.getPassword(), stored)).isTrue();
    }

    @Test
    void e_mails_are_matched_in_any_case_and_without_surrounding_spaces() {
        RegistrationForm form = TestData.registrationForm();
        registrations.register(form);

        assertThat(accounts.loadUserByUsername(" " + form.getLoginEmail().toUpperCase() + " ").email())
                .isEqualTo(form.getLoginEmail());
        assertThat(accounts.isEmailRegistered(form.getLoginEmail().toUpperCase())).isTrue();
    }

    @Test
    void an_unknown_e_mail_cannot_log_in() {
        assertThatThrownBy(() -> accounts.loadUserByUsername(TestData.uniqueEmail("nobody")))
                .isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void demo_accounts_cannot_log_in_outside_demo_mode() {
        RegistrationForm form = TestData.registrationForm();
        registrations.register(form);

        accounts.markDemo(form.getLoginEmail());

        assertThat(accounts.loadUserByUsername(form.getLoginEmail()).isEnabled()).isFalse();
    }
}
