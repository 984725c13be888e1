package org.b2bforum.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;

import org.b2bforum.RunningServerTest;
import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.TestData;
import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.base.ui.Chromium;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/**
 * Two browsers side by side: a Moscow company on a desktop in Russian, a Minsk company on a phone in
 * English. What one does arrives on the other's open page without a reload: a message with its link,
 * then a meeting request with the notification count. A failure leaves screenshots in {@code target/playwright}.
 */
// sets the booking settings its requests need, the same as the other journeys that book (they run side by side)
@ResourceLock(value = RunningServerTest.BOOKING_SETTINGS, mode = ResourceAccessMode.READ)
@RunningServerTest
class LiveMessagesJourneyIT extends BrowserJourney {

    /** Pushed within a second by the poller (300 ms); the margin is for a loaded build machine. */
    private static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(5_000);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_message_and_a_meeting_request_arrive_on_the_other_companys_open_page_without_a_reload() {
        BookingFixture fixture = new BookingFixture(context);
        fixture.bookingSettings(RunningServerTest.BOOKING_OPEN_BY_HAND);
        fixture.session(2, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
        TestCompany moscow = fixture.approvedCompany();
        TestCompany minsk = fixture.approvedCompany();
        TestData.logOut();
        String moscowName = name(moscow);

        try (BrowserContext desktop = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")
                .setViewportSize(1280, 900));
                BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                        .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
            Page a = desktop.newPage();
            Page b = phone.newPage();
            a.setDefaultTimeout(30_000);
            b.setDefaultTimeout(30_000);
            try {
                logIn(a, moscow.loginEmail());
                logIn(b, minsk.loginEmail());
                b.locator("#lang-en").click();
                assertThat(b.locator("#lang-en")).hasAttribute("aria-current", "true");
                // pages after the first are opened as the application's links open them (the router), not loaded afresh
                Chromium.open(b, "messages/" + moscow.id());
                assertThat(b.locator("#message-thread h2")).hasText(moscowName);
                assertThat(b.locator("#messages")).containsText("No messages yet");

                Chromium.open(a, "companies/" + minsk.id());
                a.locator("#message-link-" + minsk.id()).click();
                a.waitForURL(Pattern.compile(".*/messages/" + minsk.id() + "$"));
                Chromium.settle(a);
                a.locator("#message-text textarea").fill("Добрый день! Повестка: https://plan.example.ru/b2b");
                // Ctrl+Enter, the keyboard's send: it once sent the text area's old (empty) value, refused as empty
                a.locator("#message-text textarea").press("Control+Enter");
                assertThat(a.locator("#messages .message.mine")).containsText("Добрый день!");
                assertThat(a.locator("#message-text textarea")).hasValue("");
                Assertions.assertThat(a.evaluate("() => document.activeElement.closest('#message-text') !== null"))
                        .as("after sending, the focus is where the next message is written").isEqualTo(true);
                // the list keeps its 18rem beside the open conversation: the last message's one line (cut with "…")
                // once widened it to 605 px at 1280 and squeezed the conversation to 315 px
                List<?> widths = (List<?>) a.evaluate("() => ['#conversation-list', '#message-thread']"
                        + ".map(id => document.querySelector(id).getBoundingClientRect().width)");
                org.assertj.core.api.Assertions.assertThat(((Number) widths.get(0)).doubleValue())
                        .as("the conversation list's width beside a thread %s px wide", widths.get(1))
                        .isLessThanOrEqualTo(18 * 16 + 1);

                // the phone's page, untouched since it opened, shows the message and its link
                assertThat(b.locator("#messages .message.theirs")).containsText("Добрый день! Повестка:", SOON);
                assertThat(b.locator("#messages .message.theirs a"))
                        .hasAttribute("href", "https://plan.example.ru/b2b");
                assertThat(b.locator("#messages .message.theirs a")).hasAttribute("rel", "noopener noreferrer nofollow");
                assertThat(b.locator("#conversation-list")).containsText(moscowName, SOON);

                // the open conversation hides the list on the phone (dozens of conversations stood above it, ux52),
                // and "All conversations" leads back to it
                assertThat(b.locator("#conversation-list")).isHidden();
                assertThat(b.locator("#messages-back")).isVisible();
                b.locator("#message-text textarea").fill("Thank you, see you there");
                b.locator("#send-message").click();
                assertThat(a.locator("#messages .message.theirs")).containsText("Thank you, see you there", SOON);

                // a meeting request from the desktop: the phone's bell and its notification note show it at once
                String bellBefore = b.locator("#notifications-button").innerText().strip();
                int unreadBefore = bellBefore.isEmpty() ? 0 : Integer.parseInt(bellBefore);
                Chromium.open(a, "meetings/new?with=" + minsk.id());
                a.locator("#request-slot").click();
                // a time ("18 сент., 10:00–10:20 · Зал"), not an item of the day's list before it
                a.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(" · ")).first().click();
                Chromium.settle(a);
                a.locator("#request-submit").click();
                assertThat(a.locator("#request-outcome[data-outcome]")).isVisible();

                assertThat(b.locator("vaadin-notification-card").filter(
                        new Locator.FilterOptions().setHasText("New meeting request")).first()).isVisible();
                assertThat(b.locator("#notifications-button")).hasText(String.valueOf(unreadBefore + 1));
                // the note's line (the meeting in one line) wraps on the phone instead of running past its edge
                Object note = b.locator(".live-toast").first().evaluate(
                        "b => [b.scrollWidth <= b.clientWidth, b.getBoundingClientRect().right <= innerWidth]");
                Assertions.assertThat(note).as("the note's text fits, and the note is on the screen").isEqualTo(List.of(true, true));
                b.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "playwright", "live-phone-ok.png")));
                b.locator("#messages-back").click();
                b.waitForURL(Pattern.compile(".*/messages$"));
                assertThat(b.locator("#conversation-list")).isVisible();
                Chromium.open(a, "messages/" + minsk.id());
                assertThat(a.locator("#conversation-list")).isVisible(); // beside the conversation at 1280
                assertThat(a.locator("#messages-back")).isHidden();
                a.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "playwright", "live-desktop-ok.png")));
            } catch (RuntimeException | AssertionError e) {
                a.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "playwright", "live-desktop.png")));
                b.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "playwright", "live-phone.png")));
                System.err.println("The journey failed at " + a.url() + " | " + b.url());
                throw e;
            }
        }
    }

    private String name(TestCompany company) {
        return jdbc.queryForObject("select short_name from company where id = ?", String.class, company.id());
    }

    /** Logged in over HTTP (the journey is not about the log-in form), then the start page: the company's partners. */
    private void logIn(Page page, String email) {
        logInAtStartPage(page, port, email, TestData.COMPANY_PASSWORD, "partners");
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
