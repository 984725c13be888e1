package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.base.mail.BilingualMail;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * "Forgot password" end to end, with the reset e-mail going through a real SMTP server (GreenMail), by the mail sender
 * Spring Boot makes of {@code spring.mail.host} and {@code spring.mail.port}, as in production. The sender is put into
 * the context the tests share for each test and taken out after it: a context of this class's own, started with the two
 * settings, cost a context's start (the fork's third; 2.7 s of a quiet machine's, bench/README.md, stop 46).
 */
@ForumSpringTest
class PasswordResetTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    /** Spring Boot's mail configuration alone, as the application gets it. */
    private static final ApplicationContextRunner MAIL = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class));
    private static final String SENDER = "passwordResetTestMailSender";

    /** The sender Spring Boot makes with {@code spring.mail.host} and {@code spring.mail.port} pointed at GreenMail. */
    private static JavaMailSender smtp;

    @BeforeAll
    static void smtpConfigured() {
        MAIL.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP.getSmtp().getPort())
                .run(mail -> smtp = mail.getBean(JavaMailSender.class));
    }

    private static final Pattern LINK = Pattern.compile("https?://\\S+/reset-password/([A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "Zabyl-Parol-2026";

    @Autowired
    PasswordResetService resets;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    BilingualMail mail;

    @BeforeEach
    void fromAnAddressOfItsOwn() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerSingleton(SENDER, smtp);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.14." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void cleanUp() {
        ((DefaultListableBeanFactory) context.getBeanFactory()).destroySingleton(SENDER);
        RequestContextHolder.resetRequestAttributes();
        TestData.logOut();
    }

    @Test
    void e_mail_is_sent_where_spring_mail_host_is_set_and_only_there() {
        MAIL.run(none -> assertThat(none).doesNotHaveBean(JavaMailSender.class));
        MAIL.withPropertyValues("spring.mail.host=smtp.example.org")
                .run(configured -> assertThat(configured).hasSingleBean(JavaMailSender.class));
        assertThat(mail.canSend()).as("with this class's sender").isTrue();
        ((DefaultListableBeanFactory) context.getBeanFactory()).destroySingleton(SENDER);
        assertThat(mail.canSend()).as("the tests' context, without spring.mail.host").isFalse();
    }

    /** The messages to {@code email}, once there are {@code count} of them or {@code millis} have passed. */
    private static List<MimeMessage> mailTo(String email, int count, long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        List<MimeMessage> to = resetsTo(email);
        while (to.size() < count && System.nanoTime() < until) {
            Thread.sleep(20);
            to = resetsTo(email);
        }
        return to;
    }

    /** The reset e-mails to {@code email}: its registration, with this class's mail server, got a confirmation link. */
    private static List<MimeMessage> resetsTo(String email) {
        return java.util.Arrays.stream(SMTP.getReceivedMessagesForDomain(email)).filter(message -> {
            try {
                return message.getSubject().startsWith("Восстановление пароля");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private String company() {
        RegistrationForm form = TestData.registrationForm();
        registrations.register(form);
        return form.getLoginEmail();
    }

    private String passwordHashOf(String email) {
        return jdbc.queryForObject("select password_hash from app_user where email = ?", String.class, email);
    }

    @Test
    void a_forgotten_password_is_reset_once_through_the_e_mailed_link_and_old_sessions_end() throws Exception {
        String email = company();
        ForumUser before = accounts.loadUserByUsername(email);

        assertThat(resets.requestByEmail(" " + email.toUpperCase() + " ")).isEmpty();

        List<MimeMessage> messages = mailTo(email, 1, 10_000);
        assertThat(messages).hasSize(1);
        MimeMessage message = messages.get(0);
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(email);
        String body = (String) message.getContent();
        assertThat(message.getSubject()).isEqualTo("Восстановление пароля / Password reset");
        assertThat(body).contains("новый пароль", "new password", email);
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(jdbc.queryForObject("select count(*) from password_reset where token_hash = ?", Integer.class,
                Tokens.hash(token))).as("stored as its SHA-256").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from password_reset where token_hash = ?", Integer.class,
                token)).as("never in clear").isZero();
        assertThat(resets.isUsable(token)).isTrue();

        resets.reset(token, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(passwordEncoder.matches(NEW_PASSWORD, passwordHashOf(email))).isTrue();
        assertThat(accounts.sessionStillValid(before)).as("sessions from before the reset").isFalse();
        assertThat(resets.isUsable(token)).as("single use").isFalse();
        assertThatThrownBy(() -> resets.reset(token, "Another-Parol-2026", "Another-Parol-2026"))
                .isInstanceOfSatisfying(AccountRefusedException.class, e -> assertThat(e.field()).isEqualTo("token"));
        assertThat(passwordEncoder.matches(NEW_PASSWORD, passwordHashOf(email))).isTrue();
    }

    @Test
    void an_e_mail_without_an_account_gets_the_same_answer_and_no_message() throws Exception {
        String nobody = TestData.uniqueEmail("nobody");
        assertThat(resets.requestByEmail(nobody)).isEmpty();
        // then a request for an account: its message goes the same way (after the commit, in the background), so
        // once it is there a message for nobody would have come too (instead of waiting 2 s for one that must not)
        String email = company();
        assertThat(resets.requestByEmail(email)).isEmpty();

        assertThat(mailTo(email, 1, 10_000)).hasSize(1);
        assertThat(mailTo(email, 2, 300)).as("a second message").hasSize(1);
        assertThat(SMTP.getReceivedMessagesForDomain(nobody)).isEmpty();
    }

    @Test
    void requests_for_one_account_from_many_addresses_mail_it_three_links_an_hour_and_answer_the_same() throws Exception {
        String email = company();
        for (int i = 0; i < PasswordResetService.MAX_MAILED + 2; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.setRemoteAddr("10.18." + TestData.unique());
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

            assertThat(resets.requestByEmail(email)).isEmpty();
        }

        assertThat(jdbc.queryForObject("select count(*) from password_reset r join app_user u on u.id = r.user_id "
                + "where u.email = ?", Integer.class, email)).isEqualTo(PasswordResetService.MAX_MAILED);
        assertThat(mailTo(email, PasswordResetService.MAX_MAILED, 10_000)).hasSize(PasswordResetService.MAX_MAILED);
        assertThat(mailTo(email, PasswordResetService.MAX_MAILED + 1, 300)).as("one more")
                .hasSize(PasswordResetService.MAX_MAILED);
    }

    @Test
    void a_weak_new_password_is_refused_at_its_field_and_the_link_still_works() {
        TestData.logInAsOrganizer(accounts);
        String email = company();
        String token = tokenOf(resets.issueLink(accounts.loadUserByUsername(email).id()));

        assertThatThrownBy(() -> resets.reset(token, "short1", "short1"))
                .isInstanceOfSatisfying(AccountRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("newPassword");
                    assertThat(e.messageKey()).isEqualTo("validation.password.too-short");
                });
        assertThat(resets.isUsable(token)).isTrue();
        assertThat(passwordEncoder.matches(TestData.COMPANY_PASSWORD, passwordHashOf(email))).isTrue();
    }

    @Test
    void a_link_submitted_twice_at_the_same_moment_sets_one_password_only() throws Exception {
        TestData.logInAsOrganizer(accounts);
        String email = company();
        String token = tokenOf(resets.issueLink(accounts.loadUserByUsername(email).id()));
        TestData.logOut();
        List<String> passwords = List.of("Pervyi-Parol-2026", "Vtoroi-Parol-2026");
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(passwords.size());
        List<java.util.concurrent.Future<Boolean>> submissions = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(passwords.size())) {
            for (String password : passwords) {
                submissions.add(pool.submit(() -> {
                    MockHttpServletRequest request = new MockHttpServletRequest();
                    request.setRemoteAddr("10.15." + ThreadLocalRandom.current().nextInt(256) + "."
                            + ThreadLocalRandom.current().nextInt(256));
                    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
                    together.await();
                    try {
                        resets.reset(token, password, password);
                        return true;
                    } catch (AccountRefusedException e) {
                        assertThat(e.field()).isEqualTo("token");
                        return false;
                    } finally {
                        RequestContextHolder.resetRequestAttributes();
                    }
                }));
            }
        }
        List<Boolean> succeeded = new java.util.ArrayList<>();
        for (var submission : submissions) {
            succeeded.add(submission.get());
        }

        assertThat(succeeded).containsExactlyInAnyOrder(true, false);
        String winner = passwords.get(succeeded.indexOf(true));
        assertThat(passwordEncoder.matches(winner, passwordHashOf(email))).isTrue();
    }

    @Test
    void a_link_expires_after_an_hour() {
        TestData.logInAsOrganizer(accounts);
        String token = tokenOf(resets.issueLink(accounts.loadUserByUsername(company()).id()));
        jdbc.update("update password_reset set expires_at = ? where token_hash = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
                Tokens.hash(token));

        assertThat(resets.isUsable(token)).isFalse();
        assertThatThrownBy(() -> resets.reset(token, NEW_PASSWORD, NEW_PASSWORD))
                .isInstanceOf(AccountRefusedException.class);
    }

    @Test
    void only_organizers_issue_links_to_pass_on() {
        String email = company();
        long account = accounts.loadUserByUsername(email).id();
        TestData.logInAs(accounts, email);

        assertThatThrownBy(() -> resets.issueLink(account)).isInstanceOf(AccessDeniedException.class);
    }

    private static String tokenOf(String link) {
        Matcher matcher = LINK.matcher(link);
        assertThat(matcher.find()).as(link).isTrue();
        return matcher.group(1);
    }
}
