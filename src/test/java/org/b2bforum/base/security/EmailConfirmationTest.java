package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestClock;
import org.b2bforum.TestData;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.EmailConfirmationService.Outcome;
import org.b2bforum.registration.NeverConfirmedApplications;
import org.b2bforum.registration.OfficeCorrections;
import org.b2bforum.registration.Registered;
import org.b2bforum.registration.RegistrationFilter;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationEventType;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.registration.RegistrationStateException;
import org.b2bforum.registration.RegistrationSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The e-mail confirmed at registration (ux68), with the link going through a real SMTP server (GreenMail), put into
 * the shared context for each test as {@link PasswordResetTest} does. Without a mail server (the other tests) a
 * registration has nothing to confirm.
 */
@ForumSpringTest
class EmailConfirmationTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);
    private static final ApplicationContextRunner MAIL = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class));
    private static final String SENDER = "emailConfirmationTestMailSender";
    private static final Pattern LINK = Pattern.compile("https?://\\S+/confirm-email/([A-Za-z0-9_-]{43})");

    private static JavaMailSender smtp;

    @BeforeAll
    static void smtpConfigured() {
        MAIL.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP.getSmtp().getPort())
                .run(mail -> smtp = mail.getBean(JavaMailSender.class));
    }

    @Autowired
    EmailConfirmationService confirmations;
    @Autowired
    RegistrationService registrations;
    @Autowired
    NeverConfirmedApplications neverConfirmed;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    FormLocks formLocks;

    @BeforeEach
    void fromAnAddressOfItsOwn() {
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerSingleton(SENDER, smtp);
        if (context.getBeanProvider(JavaMailSender.class).getIfAvailable() == null) {
            // a by-type answer "none" stored late by another thread (below, afterCommitWorkDone)
            context.getBeanFactory().clearMetadataCache();
        }
        assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).as("the test's mail server")
                .isSameAs(smtp);
        fromAddress(randomAddress("10.16."));
    }

    @AfterEach
    void cleanUp() {
        ((DefaultListableBeanFactory) context.getBeanFactory()).destroySingleton(SENDER);
        RequestContextHolder.resetRequestAttributes();
        TestData.logOut();
    }

    private static String randomAddress(String network) {
        return network + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
    }

    private static void fromAddress(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    private record Applicant(RegistrationForm form, Registered registered) {

        String email() {
            return form.getLoginEmail();
        }

        long companyId() {
            return registered.companyId();
        }
    }

    private Applicant register() {
        RegistrationForm form = TestData.registrationForm();
        form.setLoginEmail(TestData.uniqueEmail(ConfirmedAtOnce.BY_LINK));
        return new Applicant(form, registrations.register(form, Languages.ENGLISH));
    }

    /** Another company's form with the applicant's tax number and a new log-in e-mail (the same password). */
    private static RegistrationForm withTaxNumberOf(Applicant applicant) {
        RegistrationForm form = TestData.registrationForm();
        form.setTaxNumber(applicant.form().getTaxNumber());
        form.setLoginEmail(TestData.uniqueEmail(ConfirmedAtOnce.BY_LINK));
        return form;
    }

    private static List<MimeMessage> mailTo(String email, int count, long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        List<MimeMessage> to = List.of(SMTP.getReceivedMessagesForDomain(email));
        while (to.size() < count && System.nanoTime() < until) {
            Thread.sleep(20);
            to = List.of(SMTP.getReceivedMessagesForDomain(email));
        }
        return to;
    }

    private static String tokenIn(MimeMessage message) throws Exception {
        Matcher link = LINK.matcher((String) message.getContent());
        assertThat(link.find()).as("a confirmation link in the e-mail").isTrue();
        return link.group(1);
    }

    private static String firstToken(String email) throws Exception {
        List<MimeMessage> messages = mailTo(email, 1, 60_000);
        assertThat(messages).hasSize(1);
        return tokenIn(messages.getFirst());
    }

    private boolean awaiting(String email) {
        return jdbc.queryForObject("select awaiting_email_confirmation from app_user where email = ?", Boolean.class,
                email);
    }

    @Test
    void a_registration_mails_a_link_in_the_page_s_language_first_which_confirms_the_address_once() throws Exception {
        Applicant applicant = register();

        assertThat(applicant.registered().confirmationSent()).isTrue();
        assertThat(awaiting(applicant.email())).isTrue();
        MimeMessage message = mailTo(applicant.email(), 1, 60_000).getFirst();
        assertThat(message.getSubject()).isEqualTo("Confirm your e-mail / Подтвердите адрес электронной почты");
        String body = (String) message.getContent();
        assertThat(body.indexOf("open this link")).as("English first").isLessThan(body.indexOf("откройте ссылку"));
        assertThat(body).contains(applicant.email(), "48");
        String token = tokenIn(message);
        assertThat(jdbc.queryForObject("select count(*) from email_confirmation where token_hash = ?", Integer.class,
                Tokens.hash(token))).as("stored as its SHA-256").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from email_confirmation where token_hash = ?", Integer.class,
                token)).as("never in clear").isZero();

        assertThat(confirmations.confirm(token)).isEqualTo(Outcome.CONFIRMED);

        assertThat(awaiting(applicant.email())).isFalse();
        assertThat(confirmations.confirm(token)).as("the second time").isEqualTo(Outcome.USED);
        assertThat(Tokens.withoutSecrets("GET /confirm-email/" + token)).isEqualTo("GET /confirm-email/…");
    }

    @Test
    void a_link_expires_after_48_hours_and_then_confirms_nothing() throws Exception {
        Applicant applicant = register();
        String token = firstToken(applicant.email());

        assertThat(confirmAfter(EmailConfirmationService.VALID_FOR.plusMinutes(1), token)).isEqualTo(Outcome.EXPIRED);
        assertThat(awaiting(applicant.email())).isTrue();
        assertThat(confirmAfter(EmailConfirmationService.VALID_FOR.minusMinutes(1), token)).as("a minute before")
                .isEqualTo(Outcome.CONFIRMED);
    }

    private Outcome confirmAfter(Duration later, String token) {
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        TestClock.aheadOnThisThread(later, () -> outcome.set(confirmations.confirm(token)));
        return outcome.get();
    }

    @Test
    void one_company_s_link_confirms_only_its_own_address_and_a_made_up_one_nothing() throws Exception {
        Applicant first = register();
        Applicant second = register();
        String firstToken = firstToken(first.email());
        firstToken(second.email());

        assertThat(confirmations.confirm(Tokens.newToken())).isEqualTo(Outcome.INVALID);
        assertThat(confirmations.confirm(firstToken.substring(1) + "A")).isEqualTo(Outcome.INVALID);
        assertThat(confirmations.confirm(firstToken)).isEqualTo(Outcome.CONFIRMED);

        assertThat(awaiting(first.email())).isFalse();
        assertThat(awaiting(second.email())).as("the other company").isTrue();
    }

    @Test
    void a_password_reset_link_does_not_confirm_and_a_confirmation_link_does_not_reset() throws Exception {
        Applicant applicant = register();
        String token = firstToken(applicant.email());
        PasswordResetService resets = context.getBean(PasswordResetService.class);

        assertThat(resets.isUsable(token)).isFalse();
        TestData.logInAsOrganizer(accounts);
        String reset = resets.issueLink(accounts.loadUserByUsername(applicant.email()).id());
        TestData.logOut();

        assertThat(confirmations.confirm(reset.substring(reset.lastIndexOf('/') + 1))).isEqualTo(Outcome.INVALID);
        assertThat(awaiting(applicant.email())).isTrue();
    }

    @Test
    void the_link_is_sent_again_at_most_twice_more_in_its_48_hours_and_each_address_is_throttled() throws Exception {
        Applicant applicant = register();
        mailTo(applicant.email(), 1, 60_000);
        for (int i = 0; i < EmailConfirmationService.MAX_MAILED + 2; i++) {
            fromAddress(randomAddress("10.17."));
            assertThat(confirmations.resend(applicant.email().toUpperCase(), Languages.RUSSIAN)).isEmpty();
        }
        assertThat(mailTo(applicant.email(), EmailConfirmationService.MAX_MAILED, 60_000))
                .hasSize(EmailConfirmationService.MAX_MAILED);
        assertThat(mailTo(applicant.email(), EmailConfirmationService.MAX_MAILED + 1, 300)).as("one more")
                .hasSize(EmailConfirmationService.MAX_MAILED);

        // an address that asked too often is refused for a while, whatever the e-mail (the tests raise the limit: a
        // node with the production limit locks the address, as in FormThrottleTest)
        String address = randomAddress("10.19.");
        fromAddress(address);
        formLocks.lock(address);
        assertThat(confirmations.resend(applicant.email(), Languages.RUSSIAN)).isPresent();
        assertThat(mailTo(applicant.email(), EmailConfirmationService.MAX_MAILED + 1, 300))
                .hasSize(EmailConfirmationService.MAX_MAILED);
    }

    @Test
    void an_unconfirmed_application_is_marked_in_the_queue_and_cannot_be_approved_until_confirmed() throws Exception {
        Applicant applicant = register();
        String token = firstToken(applicant.email());
        TestData.logInAsOrganizer(accounts);
        RegistrationFilter mine = new RegistrationFilter(null, applicant.form().getCity(), null,
                applicant.form().getTaxNumber());

        assertThat(registrations.queue(mine, PageRequest.of(0, 10))).singleElement()
                .extracting(RegistrationSummary::awaitingEmailConfirmation).isEqualTo(true);
        assertThat(registrations.details(applicant.companyId()).awaitingEmailConfirmation()).isTrue();
        assertThatThrownBy(() -> registrations.approve(applicant.companyId()))
                .isInstanceOfSatisfying(RegistrationStateException.class,
                        e -> assertThat(e.key()).isEqualTo("registration.error.email-not-confirmed"));
        assertThatThrownBy(() -> registrations.requestChanges(applicant.companyId(), "Уточните адрес"))
                .isInstanceOf(RegistrationStateException.class);

        TestData.logOut();
        assertThat(confirmations.confirm(token)).isEqualTo(Outcome.CONFIRMED);
        TestData.logInAsOrganizer(accounts);

        assertThat(registrations.queue(mine, PageRequest.of(0, 10))).singleElement()
                .extracting(RegistrationSummary::awaitingEmailConfirmation).isEqualTo(false);
        registrations.approve(applicant.companyId());
        assertThat(registrations.details(applicant.companyId()).status().name()).isEqualTo("APPROVED");
    }

    @Test
    void an_application_unconfirmed_when_its_links_expire_is_removed_and_its_e_mail_and_tax_number_are_free_again()
            throws Exception {
        Applicant stale = register();
        Applicant fresh = register();
        firstToken(stale.email());
        jdbc.update("update email_confirmation set expires_at = ? where user_id = "
                + "(select id from app_user where email = ?)", Timestamp.from(Instant.now().minusSeconds(1)),
                stale.email());

        neverConfirmed.removeExpired();

        assertThat(jdbc.queryForObject("select count(*) from company where id = ?", Integer.class, stale.companyId()))
                .isZero();
        assertThat(accounts.isEmailRegistered(stale.email())).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from company where id = ?", Integer.class, fresh.companyId()))
                .as("one whose link still works").isOne();
        fromAddress(randomAddress("10.20."));
        Registered again = registrations.register(stale.form(), Languages.RUSSIAN);
        assertThat(again.companyId()).isNotEqualTo(stale.companyId());
    }

    @Test
    void registering_again_after_a_typo_replaces_the_unconfirmed_application_but_not_a_confirmed_one()
            throws Exception {
        Applicant typo = register();
        RegistrationForm again = withTaxNumberOf(typo);

        Registered second = registrations.register(again, Languages.RUSSIAN);

        assertThat(jdbc.queryForObject("select count(*) from company where id = ?", Integer.class, typo.companyId()))
                .isZero();
        assertThat(accounts.isEmailRegistered(typo.email())).isFalse();
        String token = firstToken(again.getLoginEmail());
        assertThat(confirmations.confirm(token)).isEqualTo(Outcome.CONFIRMED);

        RegistrationForm third = TestData.registrationForm();
        third.setTaxNumber(again.getTaxNumber());
        assertThatThrownBy(() -> registrations.register(third, Languages.RUSSIAN))
                .isInstanceOf(org.b2bforum.registration.InvalidRegistrationException.class);
        assertThat(jdbc.queryForObject("select count(*) from company where id = ?", Integer.class,
                second.companyId())).as("a confirmed application stays").isOne();
    }

    @Test
    void a_stranger_who_knows_the_tax_number_or_the_e_mail_but_not_the_password_removes_no_unconfirmed_application()
            throws Exception {
        Applicant owner = register();
        RegistrationForm byTaxNumber = withTaxNumberOf(owner);
        byTaxNumber.setPassword("Someone-Elses-2026");
        byTaxNumber.setPasswordConfirmation(byTaxNumber.getPassword());
        RegistrationForm byEmail = TestData.registrationForm();
        byEmail.setLoginEmail(owner.email());
        byEmail.setPassword(byTaxNumber.getPassword());
        byEmail.setPasswordConfirmation(byTaxNumber.getPassword());

        assertThatThrownBy(() -> registrations.register(byTaxNumber, Languages.RUSSIAN))
                .isInstanceOf(org.b2bforum.registration.InvalidRegistrationException.class);
        assertThatThrownBy(() -> registrations.register(byEmail, Languages.RUSSIAN))
                .isInstanceOf(org.b2bforum.registration.InvalidRegistrationException.class);

        assertThat(jdbc.queryForObject("select count(*) from company where id = ?", Integer.class, owner.companyId()))
                .as("the owner's application stays").isOne();
        assertThat(accounts.isEmailRegistered(byTaxNumber.getLoginEmail())).isFalse();
        assertThat(confirmations.confirm(firstToken(owner.email()))).as("and its link still works")
                .isEqualTo(Outcome.CONFIRMED);
    }

    @Test
    void guessing_an_unconfirmed_application_s_password_by_registering_its_tax_number_counts_as_failed_log_ins()
            throws Exception {
        Applicant owner = register();
        firstToken(owner.email());
        // from a new address each time: the registration's own throttle (per address) never stops the guesses
        for (int i = 0; i < LoginThrottle.ACCOUNT.limit(); i++) {
            fromAddress(randomAddress("10.21."));
            RegistrationForm guess = withTaxNumberOf(owner);
            guess.setPassword("Guess-Number-" + i + "-2026");
            guess.setPasswordConfirmation(guess.getPassword());
            assertThatThrownBy(() -> registrations.register(guess, Languages.RUSSIAN))
                    .isInstanceOf(org.b2bforum.registration.InvalidRegistrationException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from login_attempt where email = ? and outcome = 'FAILURE'",
                Integer.class, owner.email())).as("each wrong guess a failed log-in, kept though the registration "
                        + "was refused").isEqualTo(LoginThrottle.ACCOUNT.limit());

        // the log-in is locked now: even the right password removes nothing (it is not compared), as at the log-in
        fromAddress(randomAddress("10.22."));
        RegistrationForm right = withTaxNumberOf(owner);
        assertThatThrownBy(() -> registrations.register(right, Languages.RUSSIAN))
                .isInstanceOf(org.b2bforum.registration.InvalidRegistrationException.class);
        assertThat(jdbc.queryForObject("select count(*) from company where id = ?", Integer.class, owner.companyId()))
                .as("the owner's application stays").isOne();
    }

    @Test
    void a_form_the_validator_refuses_compares_no_password_and_removes_no_unconfirmed_application() throws Exception {
        Applicant owner = register();
        firstToken(owner.email());
        RegistrationForm wrong = withTaxNumberOf(owner);
        wrong.setPassword("Someone-Elses-2026");
        wrong.setPasswordConfirmation(wrong.getPassword());
        wrong.setDescription("short"); // under the 20 letters a description needs
        RegistrationForm right = withTaxNumberOf(owner);
        right.setDescription("short");

        assertThatThrownBy(() -> registrations.register(wrong, Languages.RUSSIAN))
                .isInstanceOf(org.b2bforum.registration.InvalidRegistrationException.class);
        assertThatThrownBy(() -> registrations.register(right, Languages.RUSSIAN))
                .isInstanceOf(org.b2bforum.registration.InvalidRegistrationException.class);

        assertThat(jdbc.queryForObject("select count(*) from login_attempt where email = ?", Integer.class,
                owner.email())).as("no password compared, so no failed log-in counted").isZero();
        assertThat(jdbc.queryForObject("select count(*) from company where id = ?", Integer.class, owner.companyId()))
                .as("the owner's application stays").isOne();
    }

    @Test
    void two_clicks_on_one_link_at_the_same_moment_confirm_once_and_the_other_reads_it_used() throws Exception {
        Applicant applicant = register();
        String token = firstToken(applicant.email());
        String address = randomAddress("10.23.");
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<Outcome> click = () -> {
            fromAddress(address);
            together.await();
            return confirmations.confirm(token);
        };
        java.util.concurrent.ExecutorService clicks = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<Outcome> outcomes = clicks.invokeAll(List.of(click, click)).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(outcomes).containsExactlyInAnyOrder(Outcome.CONFIRMED, Outcome.USED);
        } finally {
            clicks.shutdown();
        }
        assertThat(awaiting(applicant.email())).isFalse();
        assertThat(confirmAfter(EmailConfirmationService.VALID_FOR.plusMinutes(1), token))
                .as("a used link opened after its 48 hours is still used, not expired").isEqualTo(Outcome.USED);
    }

    @Test
    void a_password_reset_by_a_mailed_link_confirms_the_address_but_one_an_organizer_passed_on_does_not()
            throws Exception {
        PasswordResetService resets = context.getBean(PasswordResetService.class);
        Pattern resetLink = Pattern.compile("https?://\\S+/reset-password/([A-Za-z0-9_-]{43})");
        Applicant byPhone = register();
        String confirmation = firstToken(byPhone.email());
        TestData.logInAsOrganizer(accounts);
        String passedOn = resets.issueLink(accounts.loadUserByUsername(byPhone.email()).id());
        TestData.logOut();

        resets.reset(passedOn.substring(passedOn.lastIndexOf('/') + 1), "New-Password-2026", "New-Password-2026");

        assertThat(awaiting(byPhone.email())).as("a link passed on by phone proves no address").isTrue();

        Applicant lostTheMail = register();
        firstToken(lostTheMail.email());
        assertThat(resets.requestByEmail(lostTheMail.email())).isEmpty();
        Matcher mailed = resetLink.matcher((String) mailTo(lostTheMail.email(), 2, 60_000).stream()
                .filter(m -> {
                    try {
                        return resetLink.matcher((String) m.getContent()).find();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElseThrow().getContent());
        assertThat(mailed.find()).isTrue();

        resets.reset(mailed.group(1), "New-Password-2026", "New-Password-2026");

        assertThat(awaiting(lostTheMail.email())).as("the mailed reset link proved the address").isFalse();
        assertThat(confirmations.confirm(confirmation)).as("another log-in's link is untouched")
                .isEqualTo(Outcome.CONFIRMED);
        TestData.logInAsOrganizer(accounts);
        registrations.approve(lostTheMail.companyId());
    }

    @Test
    void only_an_organizer_marks_an_address_confirmed_with_a_reason_kept_in_the_trail_the_company_sees()
            throws Exception {
        OfficeCorrections office = context.getBean(OfficeCorrections.class);
        Applicant applicant = register();
        String token = firstToken(applicant.email());
        Applicant other = register();
        firstToken(other.email());
        // a company cannot do it for itself (it can log in unconfirmed) nor for another
        TestData.logInAs(accounts, applicant.email());
        assertThatThrownBy(() -> office.confirmEmail(applicant.companyId(), "it is us"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> office.confirmEmail(other.companyId(), "it is them"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> confirmations.confirmedByOffice(applicant.companyId()))
                .as("nor through the security module's own method").isInstanceOf(AccessDeniedException.class);
        TestData.logOut();
        assertThat(awaiting(applicant.email())).isTrue();

        TestData.logInAsOrganizer(accounts);
        assertThatThrownBy(() -> office.confirmEmail(applicant.companyId(), "  "))
                .isInstanceOfSatisfying(org.b2bforum.registration.InvalidRegistrationException.class,
                        e -> assertThat(e.errors().getFirst().key()).isEqualTo("validation.required"));
        assertThat(awaiting(applicant.email())).as("nothing without a reason").isTrue();

        office.confirmEmail(applicant.companyId(), "Confirmed by phone with the director, +375 17 000-00-00");

        assertThat(awaiting(applicant.email())).isFalse();
        assertThat(awaiting(other.email())).as("the other company").isTrue();
        assertThatThrownBy(() -> office.confirmEmail(applicant.companyId(), "again"))
                .isInstanceOf(RegistrationStateException.class);
        registrations.approve(applicant.companyId());
        TestData.logOut();
        assertThat(confirmations.confirm(token)).as("its links are used up").isEqualTo(Outcome.USED);

        TestData.logInAs(accounts, applicant.email());
        assertThat(registrations.history(applicant.companyId()))
                .filteredOn(entry -> entry.type() == RegistrationEventType.EMAIL_CONFIRMED_BY_OFFICE).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.comment()).isEqualTo("Confirmed by phone with the director, +375 17 000-00-00");
                    assertThat(entry.forumOffice()).as("who: the forum office").isTrue();
                    assertThat(entry.occurredAt()).as("when").isNotNull();
                });
    }

    @Test
    void a_rejected_application_nobody_confirmed_is_removed_when_its_links_expire_freeing_its_tax_number()
            throws Exception {
        Applicant impostor = register();
        firstToken(impostor.email());
        TestData.logInAsOrganizer(accounts);
        registrations.reject(impostor.companyId(), "Not this company's application");
        TestData.logOut();
        assertThat(jdbc.queryForObject("select count(*) from notification n join app_user u on u.id = n.user_id "
                + "where u.email = ?", Integer.class, impostor.email())).as("the rejection told in the app").isOne();
        jdbc.update("update email_confirmation set expires_at = ? where user_id = "
                + "(select id from app_user where email = ?)", Timestamp.from(Instant.now().minusSeconds(1)),
                impostor.email());

        neverConfirmed.removeExpired();

        assertThat(jdbc.queryForObject("select count(*) from company where id = ?", Integer.class,
                impostor.companyId())).isZero();
        fromAddress(randomAddress("10.23."));
        RegistrationForm realCompany = withTaxNumberOf(impostor);
        realCompany.setPassword("Real-Company-2026");
        realCompany.setPasswordConfirmation(realCompany.getPassword());
        assertThat(registrations.register(realCompany, Languages.RUSSIAN).companyId())
                .as("the real company registers its tax number").isPositive();
    }

    @Test
    void without_a_mail_server_there_is_nothing_to_confirm_and_the_application_is_approved_as_before()
            throws InterruptedException {
        ((DefaultListableBeanFactory) context.getBeanFactory()).destroySingleton(SENDER);
        try {
            Applicant applicant = register();

            assertThat(applicant.registered().confirmationSent()).isFalse();
            assertThat(awaiting(applicant.email())).isFalse();
            TestData.logInAsOrganizer(accounts);
            registrations.approve(applicant.companyId());
        } finally {
            // the approval's after-commit listeners look for a mail sender on the task executor's threads: one that
            // looked while there was none and stored its answer in the bean factory's by-type cache after the sender
            // came back left "no mail server" for the next test (stop 49's quiet run: its link never mailed in 60 s)
            afterCommitWorkDone();
            ((DefaultListableBeanFactory) context.getBeanFactory()).registerSingleton(SENDER, smtp);
        }
    }

    private void afterCommitWorkDone() throws InterruptedException {
        ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
        long until = System.nanoTime() + 30_000_000_000L;
        while ((executor.getActiveCount() > 0 || executor.getQueueSize() > 0) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }

    @Test
    void the_tests_fixtures_registrations_are_confirmed_at_once_as_if_the_link_was_opened() throws Exception {
        RegistrationForm form = TestData.registrationForm();

        long companyId = registrations.register(form);

        assertThat(awaiting(form.getLoginEmail())).isFalse();
        assertThat(mailTo(form.getLoginEmail(), 1, 60_000)).as("the link was mailed all the same").hasSize(1);
        TestData.logInAsOrganizer(accounts);
        registrations.approve(companyId);
    }

    @Test
    void no_log_in_awaits_confirmation_but_those_of_the_link_s_tests() {
        assertThat(jdbc.queryForList("select email from app_user where awaiting_email_confirmation", String.class))
                .allMatch(email -> email.startsWith(ConfirmedAtOnce.BY_LINK));
    }
}
