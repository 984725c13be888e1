package org.b2bforum.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;

import org.b2bforum.BookingFixture;
import org.b2bforum.ForumSpringTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.KeptSessionChecks;
import org.b2bforum.base.security.RecentSessionChecks;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.registration.RegistrationService;
import org.b2bforum.company.TestCompanies.TestCompany;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@ForumSpringTest
class ForumAccessTest {

    @Autowired
    TestCompanies companies;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BookingFixture fixture;
    @Autowired
    WebApplicationContext context;
    @Autowired
    WishesPhase wishesPhase;
    @Autowired
    BookingWindow bookingWindow;
    @Autowired
    RegistrationService registrations;
    @Autowired
    RecentSessionChecks recentChecks;
    @Autowired
    AccountService accounts;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static void inRequest(Runnable work) {
        ServletRequestAttributes request = new ServletRequestAttributes(new MockHttpServletRequest());
        RequestContextHolder.setRequestAttributes(request);
        try {
            work.run();
        } finally {
            request.requestCompleted();
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private static long statusReads(NamedParameterJdbcTemplate counted) {
        return org.mockito.Mockito.mockingDetails(counted).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals("queryForList")).count();
    }

    @Test
    void an_approved_company_is_read_once_per_request_however_often_it_is_asked() {
        TestCompany company = companies.approved(Country.RU);
        NamedParameterJdbcTemplate counted = spy(named);
        ForumAccess access = new ForumAccess(currentUser, counted);

        // the approval gate, the directory's count and its page: three checks in the request that opens it
        inRequest(() -> {
            assertThat(access.isApproved(company.id())).isTrue();
            assertThat(access.isApproved(company.id())).isTrue();
            assertThat(access.isApproved(company.id())).isTrue();
        });

        verify(counted, times(1)).queryForList(anyString(), any(SqlParameterSource.class), eq(String.class));
    }

    @Test
    void the_next_request_reads_again_and_sees_a_company_no_longer_approved() {
        TestCompany company = companies.approved(Country.RU);
        ForumAccess access = new ForumAccess(currentUser, named);
        inRequest(() -> assertThat(access.isApproved(company.id())).isTrue());

        jdbc.update("update company set status = 'CHANGES_REQUESTED' where id = ?", company.id());

        inRequest(() -> assertThat(access.isApproved(company.id())).isFalse());
    }

    @Test
    void without_a_request_each_check_reads_and_a_company_not_approved_is_never_remembered() {
        TestCompany approved = companies.approved(Country.RU);
        TestCompany pending = companies.pending(Country.BY);
        NamedParameterJdbcTemplate counted = spy(named);
        ForumAccess access = new ForumAccess(currentUser, counted);

        // live updates and jobs run outside any request (the test framework sets up one for each test)
        RequestContextHolder.resetRequestAttributes();
        assertThat(access.isApproved(approved.id())).isTrue();
        assertThat(access.isApproved(approved.id())).isTrue();
        inRequest(() -> {
            assertThat(access.isApproved(pending.id())).isFalse();
            assertThat(access.isApproved(pending.id())).isFalse();
        });

        assertThat(statusReads(counted)).isEqualTo(4);
    }

    @Test
    void a_company_that_sends_itself_back_to_review_is_no_longer_approved_in_the_same_request() {
        BookingFixture.TestCompany company = fixture.approvedCompany();
        ForumAccess access = new ForumAccess(currentUser, named);

        inRequest(() -> {
            assertThat(access.isApproved(company.id())).isTrue();
            // back to the organizers' review, in the same request
            fixture.sendBackToReview(company);
            assertThat(access.isApproved(company.id())).isFalse();
        });
    }

    @Test
    void the_wishes_phase_of_a_request_is_the_one_its_session_check_read_and_is_not_read_again() throws Exception {
        TestCompany company = companies.approved(Country.RU);
        boolean before = fixture.asOrganizer(wishesPhase::collectingWishes);
        try {
            jdbc.update("update booking_settings set wishes_phase = true where id = 1");
            MockHttpServletRequest request = throughTheFilters(company);
            // changed after the check, without the settings' owner: a read would see it, the check's answer does not
            jdbc.update("update booking_settings set wishes_phase = false where id = 1");
            // the directory asks it at each opening, a statement of its own at the booking rush (issue 17)
            inThat(request, () -> assertThat(fixture.asOrganizer(wishesPhase::collectingWishes)).isTrue());

            assertThat(fixture.asOrganizer(wishesPhase::collectingWishes)).as("outside the request: read").isFalse();
        } finally {
            jdbc.update("update booking_settings set wishes_phase = ? where id = 1", before);
        }
    }

    @Test
    void a_wishes_phase_changed_after_the_session_check_in_the_same_request_is_read_again() throws Exception {
        TestCompany company = companies.approved(Country.RU);
        BookingSettings before = fixture.asOrganizer(bookingWindow::settings);
        try {
            fixture.asOrganizer(() -> bookingWindow.update(withWishes(before, false)));
            MockHttpServletRequest request = throughTheFilters(company);

            inThat(request, () -> {
                assertThat(fixture.asOrganizer(wishesPhase::collectingWishes)).isFalse();
                // an organizer's request that opens the wishes phase, then a page of the same request asks it
                fixture.asOrganizer(() -> bookingWindow.update(withWishes(before, true)));
                assertThat(fixture.asOrganizer(wishesPhase::collectingWishes)).isTrue();
            });
        } finally {
            fixture.asOrganizer(() -> bookingWindow.update(before));
        }
    }

    @Test
    void an_approval_withdrawn_on_this_node_is_read_by_the_companys_next_request_however_recent_its_last_check()
            throws Exception {
        TestCompany company = companies.approved(Country.RU);
        ForumAccess access = new ForumAccess(currentUser, named);
        // a check of a moment ago that found the session valid is taken for 2 s, the status it read with it (issue 17)
        inThat(throughTheFilters(company), () -> assertThat(access.isApproved(company.id())).isTrue());

        fixture.asOrganizer(() -> registrations.withdrawApproval(company.id(), "Регистрация отозвана"));

        // however long the withdrawal took under load: the check kept a moment ago is not taken
        inThat(rightAfterTheLastCheck(company), () -> assertThat(access.isApproved(company.id())).isFalse());
    }

    @Test
    void a_wishes_phase_opened_on_this_node_is_read_by_the_next_request_however_recent_its_last_check()
            throws Exception {
        TestCompany company = companies.approved(Country.RU);
        BookingSettings before = fixture.asOrganizer(bookingWindow::settings);
        try {
            fixture.asOrganizer(() -> bookingWindow.update(withWishes(before, false)));
            inThat(throughTheFilters(company),
                    () -> assertThat(fixture.asOrganizer(wishesPhase::collectingWishes)).isFalse());

            fixture.asOrganizer(() -> bookingWindow.update(withWishes(before, true)));

            inThat(rightAfterTheLastCheck(company),
                    () -> assertThat(fixture.asOrganizer(wishesPhase::collectingWishes)).isTrue());
        } finally {
            fixture.asOrganizer(() -> bookingWindow.update(before));
        }
    }

    private static BookingSettings withWishes(BookingSettings settings, boolean wishes) {
        return new BookingSettings(settings.opensAt(), settings.closesAt(), settings.meetingLimit(),
                settings.instantBooking(), wishes);
    }

    /**
     * A Vaadin request of the company's session through the application's filters (MockMvc has no Vaadin servlet to
     * hand it on to: that last step fails after the filters); the request as the filters left it.
     */
    private MockHttpServletRequest throughTheFilters(TestCompany company) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String address = "10.17." + TestData.unique() + ".1";
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                .param("username", company.loginEmail()).param("password", TestData.COMPANY_PASSWORD)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn().getRequest().getSession(false);
        TestData.logOut();
        AtomicReference<MockHttpServletRequest> seen = new AtomicReference<>();
        try {
            mvc.perform(post("/?v-r=uidl&v-uiId=0").session(session).with(request -> {
                request.setRemoteAddr(address);
                seen.set(request);
                return request;
            }));
        } catch (ServletException e) {
            assertThat(e.getMessage()).contains("springServlet");
        }
        assertThat(session.isInvalid()).as("the session goes on").isFalse();
        return seen.get();
    }

    private MockHttpServletRequest rightAfterTheLastCheck(TestCompany company) throws Exception {
        return KeptSessionChecks.rightAfterTheLastCheck(recentChecks,
                accounts.loadUserByUsername(company.loginEmail()).id(), () -> throughTheFilters(company));
    }

    private static void inThat(MockHttpServletRequest request, Runnable work) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            work.run();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void the_approval_checks_of_a_request_take_the_status_the_session_check_read_and_read_nothing_more()
            throws Exception {
        TestCompany approved = companies.approved(Country.RU);
        TestCompany pending = companies.pending(Country.BY);
        MockHttpServletRequest approvedRequest = throughTheFilters(approved);
        MockHttpServletRequest pendingRequest = throughTheFilters(pending);
        NamedParameterJdbcTemplate counted = spy(named);
        ForumAccess access = new ForumAccess(currentUser, counted);

        // the approval gate of a navigation and a directory search each read the status once more (issue 17)
        inThat(approvedRequest, () -> {
            assertThat(access.isApproved(approved.id())).isTrue();
            assertThat(access.isApproved(approved.id())).isTrue();
        });
        inThat(pendingRequest, () -> assertThat(access.isApproved(pending.id())).isFalse());

        assertThat(statusReads(counted)).isZero();
    }

    @Test
    void a_status_changed_after_the_session_check_in_the_same_request_is_read_again() throws Exception {
        TestCompany company = companies.approved(Country.RU);
        MockHttpServletRequest request = throughTheFilters(company);
        ForumAccess access = new ForumAccess(currentUser, named);

        inThat(request, () -> {
            assertThat(access.isApproved(company.id())).isTrue();
            // as CompanyRecords does when the company's own edit sends it back to review
            jdbc.update("update company set status = 'CHANGES_REQUESTED' where id = ?", company.id());
            ForumAccess.forgetInThisRequest(company.id());
            assertThat(access.isApproved(company.id())).isFalse();
        });
    }
}
