package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.ServletException;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestClock;
import org.b2bforum.TestData;
import org.b2bforum.TransactionsBegun;
import org.b2bforum.registration.RegistrationForm;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Log-in through the real security filter chain: throttling, records, and sessions that end. */
@ForumSpringTest
class LoginAndSessionsTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RecentSessionChecks recentChecks;
    @Autowired
    DaoAuthenticationProvider logInCheck;
    @Autowired
    PasswordEncoder passwordEncoder;

    MockMvc mvc;
    /** Each test logs in from addresses of its own: the throttle (in the database) is shared by the whole test run. */
    String address;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        // unique, and suffixed: "10.13.<run>-12." + "1" is never another test's address
        address = "10.13." + TestData.unique() + ".";
    }

    private MvcResult logIn(String email, String password, String from) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password)
                .with(request -> {
                    request.setRemoteAddr(from);
                    return request;
                })).andReturn();
    }

    /**
     * A Vaadin heartbeat or UIDL request through the security filters. MockMvc has no Vaadin servlet
     * to hand it on to: that last step fails, after the filters have done their work.
     */
    private void vaadinRequest(String type, MockHttpSession session) throws Exception {
        // The request's user comes from its session alone, not from this thread's log-in.
        TestData.logOut();
        try {
            mvc.perform(post("/?v-r=" + type + "&v-uiId=0").session(session));
        } catch (ServletException e) {
            assertThat(e.getMessage()).contains("springServlet");
        }
    }

    private String company() {
        RegistrationForm form = TestData.registrationForm();
        registrations.register(form);
        return form.getLoginEmail();
    }

    private List<String> outcomes(String email) {
        return jdbc.queryForList("select outcome from login_attempt where email = ? order by id", String.class, email);
    }

    @Test
    void after_five_wrong_passwords_even_the_right_one_is_refused_with_a_lock_message_and_every_attempt_is_recorded()
            throws Exception {
        String email = company();
        for (int i = 0; i < 5; i++) {
            MvcResult failed = logIn(email, "wrong-password-" + i, address);
            assertThat(failed.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
            assertThat(failed.getRequest().getSession().getAttribute(LoginGuard.TYPED_EMAIL)).isEqualTo(email);
        }

        MvcResult locked = logIn(email, TestData.COMPANY_PASSWORD, address);

        assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/login?locked=1");
        // the session keeps the e-mail typed, for the log-in page to show it again, and no log-in
        assertThat(locked.getRequest().getSession(false)).satisfies(session -> {
            assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                    .as("not logged in").isNull();
            assertThat(session.getAttribute(LoginGuard.TYPED_EMAIL)).isEqualTo(email);
            assertThat(session.getAttribute(LoginGuard.LOCKED_UNTIL)).as("the page's minutes come from here")
                    .isInstanceOfSatisfying(java.time.Instant.class,
                            until -> assertThat(until).isAfter(java.time.Instant.now()));
        });
        assertThat(outcomes(email)).containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "LOCKED");
        assertThat(jdbc.queryForList("select address from login_attempt where email = ?", String.class, email))
                .containsOnly(address);
        assertThat(jdbc.queryForObject("select count(*) from login_attempt where email like 'wrong-password%' "
                + "or address like 'wrong-password%'", Integer.class)).as("passwords are never stored").isZero();
    }

    @Test
    void a_password_typed_into_the_e_mail_field_is_not_kept_for_the_log_in_page() throws Exception {
        MvcResult typedAsEmail = logIn("Parol-2026!", "Parol-2026!", address);

        assertThat(typedAsEmail.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(typedAsEmail.getRequest().getSession(false)).satisfies(session -> assertThat(
                session == null ? null : session.getAttribute(LoginGuard.TYPED_EMAIL)).isNull());
    }

    @Test
    void the_lock_holds_for_log_ins_by_http_basic_to_the_metrics_too() throws Exception {
        String email = company();
        for (int i = 0; i < 5; i++) {
            assertThat(basicLogIn(email, "wrong-password-" + i).getResponse().getStatus()).isEqualTo(401);
        }

        MvcResult locked = basicLogIn(email, TestData.COMPANY_PASSWORD);

        assertThat(locked.getResponse().getStatus()).as("refused before the password is checked").isEqualTo(429);
        assertThat(locked.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(outcomes(email)).containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "LOCKED");
    }

    @Test
    void a_metrics_scraper_logging_in_by_http_basic_fills_no_log_in_records_while_its_password_is_right()
            throws Exception {
        String email = company();
        for (int i = 0; i < 3; i++) {
            assertThat(basicLogIn(email, TestData.COMPANY_PASSWORD).getResponse().getStatus())
                    .as("authenticated, but metrics are for organizers").isEqualTo(403);
        }
        assertThat(outcomes(email)).isEmpty();

        basicLogIn(email, "wrong-password");

        assertThat(outcomes(email)).containsExactly("FAILURE");
    }

    private MvcResult basicLogIn(String email, String password) throws Exception {
        return mvc.perform(get("/actuator/metrics").with(httpBasic(email, password)).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn();
    }

    @Test
    void a_password_typed_into_the_e_mail_field_is_not_recorded_and_a_mistyped_e_mail_is() throws Exception {
        String typo = TestData.uniqueEmail("typo");
        String password = "Secret-" + TestData.unique() + "@Passw0rd.2026";

        logIn(password, "anything-2026", address);
        logIn(typo, "anything-2026", address);

        assertThat(jdbc.queryForList("select email from login_attempt where address = ? order by id", String.class,
                address)).containsExactly("", typo);
        assertThat(jdbc.queryForObject("select count(*) from login_attempt where email like ?", Integer.class,
                "%Passw0rd%")).isZero();
    }

    @Test
    void an_e_mail_that_has_no_account_is_locked_the_same_way_so_a_lock_tells_nothing() throws Exception {
        String nobody = TestData.uniqueEmail("nobody");
        for (int i = 0; i < 5; i++) {
            logIn(nobody, "wrong-password-" + i, address);
        }

        assertThat(logIn(nobody, "anything-2026", address).getResponse().getRedirectedUrl())
                .isEqualTo("/login?locked=1");
    }

    @Test
    void a_right_password_logs_in_and_is_recorded_with_the_address() throws Exception {
        String email = company();

        MvcResult result = logIn("  " + email.toUpperCase() + " ", TestData.COMPANY_PASSWORD, address);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(outcomes(email)).containsExactly("SUCCESS");
        assertThat(result.getRequest().getSession().getAttribute(LoginGuard.TYPED_EMAIL))
                .as("the e-mail typed is kept only for the log-in page after a failure").isNull();
    }

    @Test
    void twenty_failures_from_one_address_lock_it_for_every_account() throws Exception {
        String email = company();
        for (int i = 0; i < 20; i++) {
            logIn(TestData.uniqueEmail("spray"), "Spring-2026-" + i, address);
        }

        assertThat(logIn(email, TestData.COMPANY_PASSWORD, address).getResponse().getRedirectedUrl())
                .startsWith("/login?locked=");
        assertThat(logIn(email, TestData.COMPANY_PASSWORD, address + "1").getResponse().getRedirectedUrl())
                .as("from another address").isEqualTo("/");
        MvcResult bare = logIn("not-an-e-mail", "Spring-2026", address);
        assertThat(bare.getResponse().getRedirectedUrl()).startsWith("/login?locked=");
        assertThat(bare.getRequest().getSession(false)).as("a refused post without a session costs the node none")
                .isNull();
    }

    @Test
    void disabling_an_account_ends_its_open_session_at_its_next_vaadin_request() throws Exception {
        String email = company();
        MockHttpSession session = (MockHttpSession) logIn(email, TestData.COMPANY_PASSWORD, address).getRequest()
                .getSession(false);
        vaadinRequest("heartbeat", session);
        assertThat(session.isInvalid()).as("a valid session goes on").isFalse();
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .isInstanceOf(SecurityContext.class);

        TestData.logInAsOrganizer(accounts);
        long id = accounts.loadUserByUsername(email).id();
        accounts.setEnabled(id, false);
        // however long switching it off took: the check kept a moment ago is not taken (RecentSessionChecks)
        KeptSessionChecks.rightAfterTheLastCheck(recentChecks, id, () -> {
            vaadinRequest("heartbeat", session);
            return null;
        });

        assertThat(session.isInvalid()).isTrue();
        assertThat(logIn(email, TestData.COMPANY_PASSWORD, address + "2").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(outcomes(email)).endsWith("DISABLED");
    }

    @Test
    void a_switched_off_account_is_refused_only_after_its_password_was_compared() throws Exception {
        String email = company();
        TestData.logInAsOrganizer(accounts);
        accounts.setEnabled(accounts.loadUserByUsername(email).id(), false);
        TestData.logOut();
        // the log-in's own password encoder, counting the comparisons made on this thread (other test classes may
        // log in at the same time in this JVM)
        Thread thisThread = Thread.currentThread();
        int[] compared = {0};
        logInCheck.setPasswordEncoder(new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return passwordEncoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                if (Thread.currentThread() == thisThread) {
                    compared[0]++;
                }
                return passwordEncoder.matches(raw, encoded);
            }
        });
        try {
            MvcResult wrong = logIn(email, "not-the-password-1", address);
            assertThat(compared[0]).as("a wrong password compared, as for an account that may log in").isEqualTo(1);
            MvcResult right = logIn(email, TestData.COMPANY_PASSWORD, address + "2");
            assertThat(compared[0]).isEqualTo(2);
            // the same answer as a wrong password's, whichever was typed: nothing tells the account is switched off
            assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
            assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
            assertThat(outcomes(email)).containsExactly("DISABLED", "DISABLED");
        } finally {
            logInCheck.setPasswordEncoder(passwordEncoder);
        }
    }

    @Test
    void a_check_found_valid_is_taken_for_two_seconds_so_a_change_made_past_this_node_shows_at_most_that_late()
            throws Exception {
        String email = company();
        MockHttpSession session = (MockHttpSession) logIn(email, TestData.COMPANY_PASSWORD, address).getRequest()
                .getSession(false);
        vaadinRequest("uidl", session);
        // switched off past this node's services, as another node's organizer or a hand in the table would
        jdbc.update("update app_user set enabled = false where email = ?", email);

        // the grid's confirmUpdate right after a page: the check of a moment ago, no statement (issue 17)
        KeptSessionChecks.rightAfterTheLastCheck(recentChecks, accounts.loadUserByUsername(email).id(), () -> {
            vaadinRequest("uidl", session);
            return null;
        });
        assertThat(session.isInvalid()).as("within 2 s of the check that found it valid").isFalse();

        TestClock.aheadOnThisThread(Duration.ofMillis(2_001), () -> {
            try {
                vaadinRequest("uidl", session);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(session.isInvalid()).as("2 s later the check reads again").isTrue();
    }

    @Test
    void a_session_with_nothing_but_heartbeats_for_the_session_timeout_ends() throws Exception {
        String email = company();
        MockHttpSession session = (MockHttpSession) logIn(email, TestData.COMPANY_PASSWORD, address).getRequest()
                .getSession(false);
        long almostIdle = System.currentTimeMillis() - Duration.ofMinutes(29).toMillis();
        session.setAttribute(IdleSessionFilter.LAST_ACTIVITY, almostIdle);

        vaadinRequest("heartbeat", session);
        assertThat(session.isInvalid()).as("29 of the 30 minutes").isFalse();
        assertThat(session.getAttribute(IdleSessionFilter.LAST_ACTIVITY)).as("a heartbeat is no activity")
                .isEqualTo(almostIdle);
        session.setAttribute(IdleSessionFilter.LAST_ACTIVITY, almostIdle - Duration.ofMinutes(2).toMillis());

        vaadinRequest("heartbeat", session);

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void a_log_in_from_a_log_in_page_left_open_past_the_session_timeout_stays_logged_in() throws Exception {
        String email = company();
        // the log-in page's heartbeats kept its session, which had no user activity for 40 minutes
        MockHttpSession loginPage = new MockHttpSession();
        loginPage.setAttribute(IdleSessionFilter.LAST_ACTIVITY,
                System.currentTimeMillis() - Duration.ofMinutes(40).toMillis());
        MvcResult result = mvc.perform(post("/login").with(csrf()).session(loginPage).param("username", email)
                .param("password", TestData.COMPANY_PASSWORD).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);

        vaadinRequest("uidl", session);

        assertThat(session.isInvalid()).as("the user who just logged in is not logged out at the first click")
                .isFalse();
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .isInstanceOf(SecurityContext.class);
    }

    @Test
    void a_user_request_keeps_the_session_alive() throws Exception {
        MockHttpSession session = (MockHttpSession) logIn(company(), TestData.COMPANY_PASSWORD, address).getRequest()
                .getSession(false);
        session.setAttribute(IdleSessionFilter.LAST_ACTIVITY,
                System.currentTimeMillis() - Duration.ofMinutes(29).toMillis());

        vaadinRequest("uidl", session);

        assertThat(session.isInvalid()).isFalse();
        assertThat((Long) session.getAttribute(IdleSessionFilter.LAST_ACTIVITY))
                .isGreaterThan(System.currentTimeMillis() - 60_000);
    }

    @Test
    void the_session_check_of_each_request_runs_without_a_transaction() throws Exception {
        MockHttpSession session = (MockHttpSession) logIn(company(), TestData.COMPANY_PASSWORD, address).getRequest()
                .getSession(false);
        List<String> begun = TransactionsBegun.during(context, () -> vaadinRequest("uidl", session));
        assertThat(session.isInvalid()).as("checked and still valid").isFalse();
        assertThat(begun).as("transactions begun by the request's filters").isEmpty();

        assertThat(TransactionsBegun.during(context, () -> accounts.loadUserByUsername(TestData.ORGANIZER_EMAIL)))
                .as("the listener sees a transaction where there is one").isNotEmpty();
    }

    @Test
    void a_password_change_ends_the_accounts_other_sessions_but_not_the_one_that_changed_it() throws Exception {
        String email = company();
        MockHttpSession other = (MockHttpSession) logIn(email, TestData.COMPANY_PASSWORD, address).getRequest()
                .getSession(false);
        ForumUser before = TestData.logInAs(accounts, email);

        accounts.changePassword(TestData.COMPANY_PASSWORD, "Novyi-Parol-2026", "Novyi-Parol-2026");

        assertThat(accounts.sessionStillValid(before)).as("a session from before").isFalse();
        assertThat(accounts.sessionStillValid(new CurrentUser().require())).as("this session").isTrue();
        vaadinRequest("uidl", other);
        assertThat(other.isInvalid()).isTrue();
        assertThat(logIn(email, "Novyi-Parol-2026", address + "3").getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void a_password_change_needs_the_current_password_and_follows_the_registration_rules() {
        String email = company();
        TestData.logInAs(accounts, email);

        assertThatThrownBy(() -> accounts.changePassword("not-my-password-1", "Novyi-Parol-2026", "Novyi-Parol-2026"))
                .isInstanceOfSatisfying(AccountRefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("currentPassword"));
        assertThatThrownBy(() -> accounts.changePassword(TestData.COMPANY_PASSWORD, "short1", "short1"))
                .isInstanceOfSatisfying(AccountRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("newPassword");
                    assertThat(e.messageKey()).isEqualTo("validation.password.too-short");
                });
        assertThatThrownBy(() -> accounts.changePassword(TestData.COMPANY_PASSWORD, "Novyi-Parol-2026", "Other-2026-x"))
                .isInstanceOfSatisfying(AccountRefusedException.class,
                        e -> assertThat(e.field()).isEqualTo("confirmation"));
        TestData.logOut();
        assertThatThrownBy(() -> accounts.changePassword(TestData.COMPANY_PASSWORD, "Novyi-Parol-2026",
                "Novyi-Parol-2026")).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void the_last_enabled_organizer_cannot_be_disabled_but_any_other_log_in_can() {
        TestData.logInAsOrganizer(accounts);
        long organizer = accounts.loadUserByUsername(TestData.ORGANIZER_EMAIL).id();
        // organizers left enabled by classes that ran before in this JVM are disabled first: with one of them the
        // configured organizer is not the last one. The classes' order decides (the file system's by default): run
        // in alphabetical order, in one JVM after the nine classes before it there, the count below was 2
        jdbc.queryForList("select id from app_user where role = 'ORGANIZER' and enabled and id <> ?", Long.class,
                organizer).forEach(other -> accounts.setEnabled(other, false));
        String secondEmail = TestData.uniqueEmail("office");
        accounts.ensureOrganizer(secondEmail, "Vtoroi-Organizator-2026", "Second organizer", false);
        long second = accounts.loadUserByUsername(secondEmail).id();

        accounts.setEnabled(second, false);

        assertThat(accounts.loadUserByUsername(secondEmail).isEnabled()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from app_user where role = 'ORGANIZER' and enabled",
                Integer.class)).as("only the configured organizer is left").isEqualTo(1);
        assertThatThrownBy(() -> accounts.setEnabled(organizer, false))
                .isInstanceOfSatisfying(AccountRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("accounts.error.last-organizer"));
        assertThat(accounts.loadUserByUsername(TestData.ORGANIZER_EMAIL).isEnabled()).isTrue();

        String email = company();
        long company = accounts.loadUserByUsername(email).id();
        accounts.setEnabled(company, false);
        assertThat(accounts.loadUserByUsername(email).isEnabled()).isFalse();
        accounts.setEnabled(company, true);
        assertThat(accounts.loadUserByUsername(email).isEnabled()).isTrue();

        TestData.logInAs(accounts, email);
        assertThatThrownBy(() -> accounts.setEnabled(company, false)).isInstanceOf(AccessDeniedException.class);
    }
}
