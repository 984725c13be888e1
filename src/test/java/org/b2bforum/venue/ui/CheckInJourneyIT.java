package org.b2bforum.venue.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.RunningServerTest;
import org.b2bforum.TestData;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.base.ui.Chromium;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A badge scanned with a phone that is not logged in: the check-in link leads to the log-in page
 * and, after the staff member logs in, back to the same badge, checked in with one tap. A company
 * user opening the same link learns nothing. A failure leaves a screenshot in {@code target/playwright}.
 */
@RunningServerTest
class CheckInJourneyIT extends BrowserJourney {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void a_phone_opens_the_badge_link_the_staff_member_logs_in_comes_back_to_it_and_checks_the_delegate_in() {
        String token;
        ForumUser staff;
        TestCompany company;
        try {
            VenueFixture venue = new VenueFixture(context);
            company = venue.booking().approvedCompany();
            token = venue.badgeToken(company.delegateIds().get(1));
            staff = venue.staff();
        } finally {
            TestData.logOut();
        }
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
            Page page = phone.newPage();
            page.setDefaultTimeout(30_000);
            try {
                page.navigate(url("check-in/" + token), new Page.NavigateOptions().setTimeout(120_000));
                page.waitForURL(Pattern.compile(".*/login$"));
                page.locator("#vaadinLoginUsername input").fill(staff.email());
                page.locator("#vaadinLoginPassword input").fill(VenueFixture.PASSWORD);
                page.locator("#vaadinLoginPassword input").press("Enter");

                page.waitForURL(Pattern.compile(".*/check-in/" + Pattern.quote(token) + "([?#].*)?$"));
                Chromium.settle(page);
                assertThat(page.locator("#check-in-name")).hasText("Anna Smirnova");
                assertThat(page.locator("#check-in-not-yet")).hasText("Прибытие ещё не отмечено");
                page.locator("#check-in-confirm").click();
                assertThat(page.locator("#check-in-status")).containsText("Прибытие отмечено в ");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "playwright", "check-in.png")));

                // the badge is scanned again
                page.reload();
                Chromium.settle(page);
                assertThat(page.locator("#check-in-status")).containsText("Уже отмечен(а) в ");
                assertThat(page.locator("#check-in-status")).containsText(staff.displayName());
                assertThat(page.locator("#check-in-confirm")).hasCount(0);

                // the venue's network drops: the page says so, in Russian and readable without a mouse
                phone.setOffline(true);
                page.locator("#check-in-to-venue").click();
                Locator status = page.locator("vaadin-connection-indicator .v-status-message");
                assertThat(status).containsText("Нет связи с сервером, подключаемся снова…");
                page.waitForCondition(() -> status.boundingBox() != null && status.boundingBox().height >= 30);
                phone.setOffline(false);
            } catch (RuntimeException | AssertionError e) {
                Path screenshot = Path.of("target", "playwright", "check-in-journey.png");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(screenshot));
                System.err.println("The journey failed at " + page.url() + ", see " + screenshot.toAbsolutePath());
                throw e;
            }
        }
        try (BrowserContext other = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU"))) {
            Page page = other.newPage();
            page.setDefaultTimeout(30_000);
            page.navigate(url("check-in/" + token), new Page.NavigateOptions().setTimeout(120_000));
            page.waitForURL(Pattern.compile(".*/login$"));
            page.locator("#vaadinLoginUsername input").fill(company.loginEmail());
            page.locator("#vaadinLoginPassword input").fill(TestData.COMPANY_PASSWORD);
            page.locator("#vaadinLoginPassword input").press("Enter");
            page.waitForURL(Pattern.compile(".*/check-in/" + Pattern.quote(token) + "([?#].*)?$"));
            Chromium.settle(page);
            assertThat(page.locator("#check-in")).hasText("По этой ссылке нечего показать.");
            assertThat(page.locator("body")).not().containsText("Anna Smirnova");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
