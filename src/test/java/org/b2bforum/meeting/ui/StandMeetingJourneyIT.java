package org.b2bforum.meeting.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.b2bforum.RunningServerTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.base.ui.Chromium;
import org.b2bforum.fair.FairService;
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
 * "Meet at my stand" in Russian through the real UI: a visitor finds the exhibitor's stand on the
 * fair map and asks to meet there, the exhibitor accepts, and on both sides the meetings list and
 * the agenda place the meeting at "Стенд …, <zone> (выставка-ярмарка)", not at a table; each
 * company in a browser of its own. The day, the companies and the stand are set up through the
 * services. A failure leaves a screenshot in {@code target/playwright}.
 */
// sets the booking settings its requests need, the same as the other journeys that book (they run side by side)
@ResourceLock(value = RunningServerTest.BOOKING_SETTINGS, mode = ResourceAccessMode.READ)
@RunningServerTest
class StandMeetingJourneyIT extends BrowserJourney {

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
    @Autowired
    FairService fair;

    @Test
    void a_visitor_asks_to_meet_at_the_exhibitors_stand_it_is_accepted_and_both_sides_see_the_stand_as_the_place() {
        ForumFixture forum;
        ForumFixture.Company exhibitor;
        ForumFixture.Company visitor;
        String stand = TestData.unique().toUpperCase(Locale.ROOT);
        String zone = "Павильон " + TestData.unique();
        try {
            forum = ForumFixture.create(program, bookingWindow, accounts, 2);
            exhibitor = ForumFixture.approvedCompany(registrations, accounts);
            visitor = ForumFixture.approvedCompany(registrations, accounts);
            TestData.logInAsOrganizer(accounts);
            long zoneId = fair.addZone(zone, "Hall " + stand);
            // the eighth place of its row: past the plan's visible width, until the search scrolls to it
            long standId = fair.addStand(zoneId, stand, 1, 8);
            fair.assign(standId, exhibitor.id());
        } finally {
            TestData.logOut();
        }
        String place = "Стенд " + stand + ", " + zone + " (выставка-ярмарка)";
        // each company in a browser of its own (a context: its own cookies), as two companies are: the visitor's
        // page stays open while the exhibitor answers, instead of a log-out and a log-in again (three fresh page loads)
        try (BrowserContext contextOfVisitor = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")
                .setViewportSize(1280, 1000));
                BrowserContext contextOfExhibitor = browser.newContext(new Browser.NewContextOptions()
                        .setLocale("ru-RU").setViewportSize(1280, 1000))) {
            Page pageOfVisitor = contextOfVisitor.newPage();
            Page pageOfExhibitor = contextOfExhibitor.newPage();
            pageOfVisitor.setDefaultTimeout(30_000);
            pageOfExhibitor.setDefaultTimeout(30_000);
            Page page = pageOfVisitor;
            try {
                logIn(pageOfVisitor, visitor.login());
                requestAtStand(pageOfVisitor, exhibitor, stand, forum.when("10:20–10:40"));

                page = pageOfExhibitor;
                logIn(pageOfExhibitor, exhibitor.login());
                accept(pageOfExhibitor, visitor, place);
                String agendaOfExhibitor = agendaEntry(pageOfExhibitor, visitor.name());
                assertThat(agendaOfExhibitor).isEqualTo("10:20–10:40 | " + place + " | Подтверждена");

                // the visitor's page is still at its meetings: the agenda first, then the meetings opened again
                page = pageOfVisitor;
                assertThat(agendaEntry(pageOfVisitor, exhibitor.name())).isEqualTo(agendaOfExhibitor);
                menu(pageOfVisitor, "Встречи", "meetings");
                assertThat(pageOfVisitor.locator("#meetings-confirmed .meeting-row")
                        .filter(new Locator.FilterOptions().setHasText(exhibitor.name()))).containsText(place);
            } catch (RuntimeException | AssertionError e) {
                Path screenshot = Path.of("target", "playwright", "stand-meeting-journey.png");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(screenshot));
                System.err.println("The journey failed at " + page.url() + ", see " + screenshot.toAbsolutePath());
                throw e;
            }
        }
    }

    /** From the fair map: the stand, "Встретиться на стенде", the stand already chosen as the place, a time. */
    private void requestAtStand(Page page, ForumFixture.Company exhibitor, String stand, String slot) {
        Chromium.open(page, "fair");
        page.locator("#fair-search input").fill(exhibitor.name());
        // found, the stand is scrolled into the hall's plan, which scrolls sideways where it is wider than the page
        page.waitForFunction("""
                id => { const stand = document.getElementById(id), plan = stand.closest('.fair-grid');
                  const box = stand.getBoundingClientRect(), shown = plan.getBoundingClientRect();
                  return stand.classList.contains('stand-match') && box.left >= shown.left && box.right <= shown.right; }""",
                "stand-" + stand);
        page.locator("#stand-" + stand).click();
        assertThat(page.locator("#fair-stand-detail")).containsText(exhibitor.name());
        page.locator("#fair-stand-meet").click();
        page.waitForURL(Pattern.compile(".*/meetings/new\\?with=" + exhibitor.id() + "&at=stand$"));
        Chromium.settle(page);
        assertThat(page.locator("#request-partner")).hasText(exhibitor.name());
        assertThat(page.locator("#request-place vaadin-radio-button[checked]")).containsText("На стенде " + stand);

        page.locator("#request-slot").click();
        // the slot's item, not another day's that ends with the same words: "26 мая, 10:20–10:40" holds
        // "6 мая, 10:20–10:40" (a run failed so, the two items listed); the pattern goes to the browser as a JavaScript
        // one, which has no quoting of Pattern.quote's kind
        String literal = slot.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("(?<!\\d)" + literal))).click();
        page.locator("#request-message textarea").fill("Покажите образцы продукции на стенде");
        Chromium.settle(page);
        page.locator("#request-submit").click();

        assertThat(page.locator("#request-outcome")).containsText("Запрос отправлен");
        page.locator("#request-to-meetings").click();
        page.waitForURL(Pattern.compile(".*/meetings$"));
        assertThat(page.locator("#meetings-outgoing")).containsText(exhibitor.name());
    }

    private void accept(Page page, ForumFixture.Company requester, String place) {
        menu(page, "Встречи", "meetings");
        Locator request = page.locator("#meetings-incoming .meeting-row")
                .filter(new Locator.FilterOptions().setHasText(requester.name()));
        assertThat(request).containsText("Покажите образцы продукции на стенде");
        request.locator("vaadin-button[id^=accept-]").click();
        page.locator("#confirm-accept").click();
        Locator confirmed = page.locator("#meetings-confirmed .meeting-row")
                .filter(new Locator.FilterOptions().setHasText(requester.name()));
        assertThat(confirmed).containsText(place);
        assertThat(confirmed).not().containsText("стол №");
    }

    private String agendaEntry(Page page, String counterpart) {
        return JourneySteps.line(new JourneySteps(page, port).agendaEntry(counterpart));
    }

    private void menu(Page page, String item, String path) {
        new JourneySteps(page, port).menu(item, path);
    }

    private void logIn(Page page, String email) {
        new JourneySteps(page, port).logIn(email);
    }

}
