package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.DelegateFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.LockWaits;
import org.b2bforum.TestData;
import org.b2bforum.delegate.DelegateInvitationService;
import org.b2bforum.delegate.InvitationRefusedException;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.venue.StaffService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A log-in's insert refused by the database says "this e-mail is taken" only when the e-mail's unique key refused it.
 * Before, the invitation's acceptance, the registration and the staff form read any integrity violation so: a failure
 * the user cannot fix read as a wrong e-mail, and was swallowed. The other failure is made here by a trigger of the
 * test's (a foreign key's error, 1452, for the e-mails it names), dropped after each test.
 */
@ForumSpringTest
class OnlyTheEmailKeyMeansEmailTakenTest {

    private static final String REFUSED = "refused-by-trigger-";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DelegateInvitationService invitations;
    @Autowired
    RegistrationService registrations;
    @Autowired
    StaffService staff;
    @Autowired
    AccountService accounts;
    @Autowired
    BookingFixture booking;
    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void refuseSomeAccountsByAnotherKey() {
        jdbc.execute("drop trigger if exists test_refuse_account");
        jdbc.execute("""
                create trigger test_refuse_account before insert on app_user for each row
                begin
                  if new.email like '%s%%' then
                    signal sqlstate '23000' set mysql_errno = 1452,
                      message_text = 'Cannot add or update a child row: a foreign key constraint fails (test trigger)';
                  end if;
                end""".formatted(REFUSED));
    }

    @AfterEach
    void dropTheTrigger() {
        jdbc.execute("drop trigger if exists test_refuse_account");
    }

    @Test
    void an_invitation_refused_by_another_key_is_not_an_email_taken_and_stays_valid() {
        TestCompany company = booking.approvedCompany();
        long delegate = company.firstDelegate();
        jdbc.update("update delegate set email = ? where id = ?", REFUSED + TestData.unique() + "@test.forum", delegate);
        String token = DelegateFixture.token(booking.as(company, () -> invitations.invite(delegate)));

        Throwable thrown = catchThrowable(() -> invitations.accept(token, DelegateFixture.DELEGATE_PASSWORD,
                DelegateFixture.DELEGATE_PASSWORD));

        assertThat(thrown).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count("select count(*) from app_user where delegate_id = ?", delegate)).isZero();
        assertThat(count("select count(*) from delegate_invitation where delegate_id = ? and accepted_at is null",
                delegate)).as("the link still works").isOne();
    }

    @Test
    void an_invitation_whose_email_is_registered_meanwhile_says_the_email_is_taken() throws Exception {
        TestCompany company = booking.approvedCompany();
        long delegate = company.firstDelegate();
        String token = DelegateFixture.token(booking.as(company, () -> invitations.invite(delegate)));
        String email = jdbc.queryForObject("select email from delegate where id = ?", String.class, delegate);

        Throwable thrown = LockWaits.whileHeld(booking, jdbc, transactionManager,
                () -> accounts.createStaffAccount(email, "Staff-Pass-2026", "Сотрудник"),
                () -> invitations.accept(token, DelegateFixture.DELEGATE_PASSWORD, DelegateFixture.DELEGATE_PASSWORD));

        assertThat(thrown).isInstanceOf(InvitationRefusedException.class);
        assertThat(((InvitationRefusedException) thrown).key()).isEqualTo("invitation.error.email-taken");
    }

    @Test
    void a_registration_refused_by_another_key_is_not_an_email_taken_and_stores_nothing() {
        RegistrationForm form = TestData.registrationForm();
        form.setLoginEmail(REFUSED + TestData.unique() + "@test.forum");
        int companies = count("select count(*) from company");

        Throwable thrown = catchThrowable(() -> registrations.register(form));

        assertThat(thrown).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count("select count(*) from company")).isEqualTo(companies);
    }

    @Test
    void a_staff_log_in_refused_by_another_key_is_not_an_email_taken() {
        String email = REFUSED + TestData.unique() + "@test.forum";

        Throwable thrown = catchThrowable(() -> booking.asOrganizer(() -> staff.create(email, "Сотрудник",
                "Staff-Pass-2026")));

        assertThat(thrown).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count("select count(*) from app_user where email = ?", email)).isZero();
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
