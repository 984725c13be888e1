package org.b2bforum.meeting.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.b2bforum.RunningServerTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.base.ui.Chromium;
import org.b2bforum.program.BookingWindow;
import org.b2bforum.program.ProgramService;
import org.b2bforum.registration.RegistrationService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A meeting booked through the real UI: company A asks company B from B's profile, B accepts on
 * its meetings page, and both agendas show the same time, hall and table; each company in a browser
 * of its own. The forum day, hall, session and the two approved companies are set up through the
 * services. A failure leaves a screenshot in {@code target/playwright}.
 */
// sets the booking settings its requests need, the same as the other journeys that book (they run side by side)
@ResourceLock(value = RunningServerTest.BOOKING_SETTINGS, mode = ResourceAccessMode.READ)
@RunningServerTest
class MeetingJourneyIT extends BrowserJourney {

    @LocalServerPort
    int port;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;
    @Autowired
    ProgramService program;
    @Autowired
    BookingWindow bookingWindow;

    @Test
    void a_company_requests_a_meeting_the_other_accepts_and_both_agendas_show_the_same_time_hall_and_table() {
        ForumFixture forum;
        ForumFixture.Company a;
        ForumFixture.Company b;
        try {
            forum = ForumFixture.create(program, bookingWindow, accounts, 5);
            a = ForumFixture.approvedCompany(registrations, accounts);
            b = ForumFixture.approvedCompany(registrations, accounts);
        } finally {
            TestData.logOut();
        }
        String slot = forum.when("10:20–10:40") + " · " + forum.hall();
        // each company in a browser of its own (a context: its own cookies), as two companies are: A's page stays
        // open while B answers, instead of a log-out and a log-in again (three fresh page loads each)
        try (BrowserContext contextOfA = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")
                .setViewportSize(1280, 1000));
                BrowserContext contextOfB = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")
                        .setViewportSize(1280, 1000))) {
            Page pageOfA = contextOfA.newPage();
            Page pageOfB = contextOfB.newPage();
            pageOfA.setDefaultTimeout(30_000);
            pageOfB.setDefaultTimeout(30_000);
            Page page = pageOfA;
            try {
                logIn(pageOfA, a.login());
                requestFromProfile(pageOfA, b, slot);

                page = pageOfB;
                logIn(pageOfB, b.login());
                accept(pageOfB, a);
                String agendaOfB = agendaEntry(pageOfB, a.name());
                assertThat(agendaOfB).isEqualTo("10:20–10:40 | " + forum.hall() + ", стол № 1 | Подтверждена");

                page = pageOfA;
                String agendaOfA = agendaEntry(pageOfA, b.name());
                assertThat(agendaOfA).isEqualTo(agendaOfB);
            } catch (RuntimeException | AssertionError e) {
                Path screenshot = Path.of("target", "playwright", "meeting-journey.png");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(screenshot));
                System.err.println("The journey failed at " + page.url() + ", see " + screenshot.toAbsolutePath());
                throw e;
            }
        }
    }

    private void requestFromProfile(Page page, ForumFixture.Company partner, String slot) {
        Chromium.open(page, "companies/" + partner.id());
        assertThat(page.locator("h1")).hasText(partner.name());
        page.locator("#request-meeting-" + partner.id()).click();
        page.waitForURL(Pattern.compile(".*/meetings/new\\?with=" + partner.id() + "$"));
        Chromium.settle(page);
        assertThat(page.locator("#request-partner")).hasText(partner.name());

        page.locator("#request-slot").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(slot)).click();
        page.locator("#request-message textarea").fill("Хотим обсудить поставки дорожной техники");
        Chromium.settle(page);
        page.locator("#request-submit").click();

        // the company stays on the form: the outcome in words, the time marked, a link to the meetings
        assertThat(page.locator("#request-outcome")).containsText("Запрос отправлен");
        assertThat(page.locator("#request-submit")).isDisabled();
        page.locator("#request-to-meetings").click();
        page.waitForURL(Pattern.compile(".*/meetings$"));
        assertThat(page.locator("#meetings-outgoing")).containsText(partner.name());
    }

    private void accept(Page page, ForumFixture.Company requester) {
        menu(page, "Встречи", "meetings");
        Locator request = page.locator("#meetings-incoming .meeting-row")
                .filter(new Locator.FilterOptions().setHasText(requester.name()));
        assertThat(request).containsText("Хотим обсудить поставки дорожной техники");
        request.locator("vaadin-button[id^=accept-]").click();
        page.locator("#accept-reply textarea").fill("Будем рады встрече");
        page.locator("#confirm-accept").click();
        assertThat(page.locator("#meetings-confirmed")).containsText(requester.name());
        assertThat(page.locator("#meetings-confirmed")).containsText("стол № 1");
        assertThat(page.locator("#meetings-incoming")).not().containsText(requester.name());
    }

    /** The agenda's time, place and status of the meeting with the counterpart, whose contacts are shown too. */
    private String agendaEntry(Page page, String counterpart) {
        Locator entry = new JourneySteps(page, port).agendaEntry(counterpart);
        assertThat(entry.locator(".agenda-contacts")).isVisible();
        return JourneySteps.line(entry);
    }

    private void menu(Page page, String item, String path) {
        new JourneySteps(page, port).menu(item, path);
    }

    private void logIn(Page page, String email) {
        new JourneySteps(page, port).logIn(email);
    }
}
