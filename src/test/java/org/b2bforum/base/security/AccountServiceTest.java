package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.b2bforum.BookingFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.LockWaits;
import org.b2bforum.TestData;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

@ForumSpringTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;
    @Autowired
    RegistrationService registrations;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VenueFixture venue;
    @Autowired
    PlatformTransactionManager transactionManager;

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

        assertThat(stored).doesNotContain(form.getPassword()).startsWith("{bcrypt-sha256}");
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
    void who_did_what_in_an_application_history_is_told_only_to_someone_logged_in() {
        TestData.logOut();
        long organizerId = accounts.loadUserByUsername(TestData.ORGANIZER_EMAIL).id();

        assertThatThrownBy(() -> accounts.names(List.of(organizerId)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void names_are_told_only_to_who_reads_application_histories_and_a_company_learns_only_its_own_and_the_organizers() {
        BookingFixture booking = venue.booking();
        BookingFixture.TestCompany company = booking.approvedCompany();
        BookingFixture.TestCompany other = booking.pendingCompany();
        ForumUser staff = venue.staff();
        ForumUser delegate = venue.delegateAccount(company.firstDelegate());
        long organizerId = accounts.loadUserByUsername(TestData.ORGANIZER_EMAIL).id();
        List<Long> everyone = List.of(organizerId, company.user().id(), other.user().id(), staff.id(), delegate.id());

        assertThat(booking.asOrganizer(() -> accounts.names(everyone))).containsOnlyKeys(everyone);
        assertThat(booking.as(company, () -> accounts.names(everyone))).containsOnlyKeys(organizerId,
                company.user().id());
        assertThat(booking.as(other, () -> accounts.names(everyone))).containsOnlyKeys(organizerId, other.user().id());
        assertThatThrownBy(() -> booking.as(staff, () -> accounts.names(everyone)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> booking.as(delegate, () -> accounts.names(everyone)))
                .isInstanceOf(AccessDeniedException.class);
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

    /** 43 Cyrillic letters and two digits: 88 bytes in UTF-8, past BCrypt's 72. */
    static final String LONG_PASSPHRASE = "Широкаястранамояроднаямноговвнейлесовиполей42";

    @Test
    void a_passphrase_longer_than_72_bytes_is_accepted_and_only_the_whole_of_it_logs_in() {
        assertThat(LONG_PASSPHRASE.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThat(Passwords.problem(LONG_PASSPHRASE, "someone@example.com")).isEmpty();
        RegistrationForm form = TestData.registrationForm();
        form.setPassword(LONG_PASSPHRASE);
        form.setPasswordConfirmation(LONG_PASSPHRASE);
        registrations.register(form);
        String staff = TestData.uniqueEmail("staff");
        accounts.createStaffAccount(staff, LONG_PASSPHRASE, "Сотрудник");
        String organizer = TestData.uniqueEmail("chief");
        accounts.ensureOrganizer(organizer, LONG_PASSPHRASE, "Организатор", false);

        for (String email : new String[] {form.getLoginEmail(), staff, organizer}) {
            String stored = accounts.loadUserByUsername(email).getPassword();
            assertThat(passwordEncoder.matches(LONG_PASSPHRASE, stored)).isTrue();
            // BCrypt alone would ignore everything after the 72nd byte
            assertThat(passwordEncoder.matches(LONG_PASSPHRASE.replace("42", "43"), stored)).isFalse();
        }
    }

    @Test
    void passwords_hashed_before_long_passphrases_were_accepted_still_match() {
        String old = "{bcrypt}" + new BCryptPasswordEncoder().encode(TestData.COMPANY_PASSWORD);

        assertThat(passwordEncoder.matches(TestData.COMPANY_PASSWORD, old)).isTrue();
        assertThat(passwordEncoder.matches("Forum-Company-2027", old)).isFalse();
    }

    static final String NEW_PASSWORD = "Forum-Changed-2027";

    @Test
    void a_delegate_removed_by_the_company_while_on_the_change_password_page_is_told_so_in_words() {
        BookingFixture booking = venue.booking();
        BookingFixture.TestCompany company = booking.approvedCompany();
        ForumUser delegate = venue.delegateAccount(company.firstDelegate());
        accounts.deleteDelegateAccounts(List.of(company.firstDelegate()));

        assertThatThrownBy(() -> booking.as(delegate, () -> {
            accounts.changePassword(VenueFixture.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
            return null;
        })).isInstanceOfSatisfying(AccountRefusedException.class, e -> {
            assertThat(e.field()).isEqualTo("currentPassword");
            assertThat(e.messageKey()).isEqualTo("password.change.account-removed");
        });
    }

    @Test
    void a_password_change_that_meets_the_removal_of_its_account_half_way_is_refused_in_words() throws Exception {
        BookingFixture booking = venue.booking();
        BookingFixture.TestCompany company = booking.approvedCompany();
        ForumUser delegate = venue.delegateAccount(company.firstDelegate());

        Throwable thrown = LockWaits.whileHeld(booking, jdbc, transactionManager,
                () -> accounts.deleteDelegateAccounts(List.of(company.firstDelegate())),
                () -> booking.as(delegate, () -> {
                    accounts.changePassword(VenueFixture.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
                    return null;
                }));

        assertThat(thrown).isInstanceOfSatisfying(AccountRefusedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("password.change.account-removed"));
        assertThat(jdbc.queryForObject("select count(*) from app_user where id = ?", Integer.class, delegate.id()))
                .isZero();
    }
}
