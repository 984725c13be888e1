package org.b2bforum.base.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.b2bforum.RunningServerTest;
import org.b2bforum.TestData;
import org.b2bforum.base.database.HeldConnections;
import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.company.Country;
import org.b2bforum.company.TestCompanies;
import org.b2bforum.company.TestCompanies.TestCompany;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.zaxxer.hikari.HikariDataSource;

/**
 * An open page in Chromium while the session check cannot get a connection (every one of the pool held, as at the
 * booking rush, for longer than the pool's time-out): the click waits for the check and the page carries on by itself
 * once a connection is free, without "reconnecting" and without a reload (review54). A 503 to the click left Vaadin's
 * "no connection to the server, reconnecting" bar up after the server answered again (review51, reverted); going on
 * unchecked (review46) showed "temporarily unavailable", then reloaded the page. A failure leaves a screenshot in
 * {@code target/playwright}. While the test holds the pool, a request waits 250 ms for a connection instead of the
 * application's 3 s ({@link HeldConnections}): the check asks several times within a second, where the test waited 7 s
 * for two of the 3 s waits with every other class of failsafe stopped (bench/README.md, run-suite, stop 45).
 */
// alone: holding the whole pool would stall every other class's server work
@Isolated
@RunningServerTest
class SessionCheckBusySpellIT extends BrowserJourney {

    @LocalServerPort
    int port;
    @Autowired
    TestCompanies companies;
    @Autowired
    ApplicationContext context;

    @Test
    void a_click_during_a_busy_spell_waits_for_the_check_and_the_page_carries_on_without_reconnecting_or_reload()
            throws Exception {
        TestCompany company;
        try {
            company = companies.approved(Country.RU);
        } finally {
            TestData.logOut();
        }
        HikariDataSource pool = context.getBean(HikariDataSource.class);
        try (BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")
                .setViewportSize(1280, 900))) {
            Page page = browserContext.newPage();
            page.setDefaultTimeout(60_000);
            try {
                logInAtStartPage(page, port, company.loginEmail(), TestData.COMPANY_PASSWORD, "partners");
                page.evaluate("""
                        () => {
                          window.samePage = true;
                          window.connectionStates = [];
                          window.Vaadin.connectionState.addStateChangeListener(
                              (before, now) => window.connectionStates.push(now));
                        }""");

                // the log-in's last check is kept for 2 s (RecentSessionChecks): the click must make its own
                context.getBean(RecentSessionChecks.class).changed();
                try (HeldConnections held = HeldConnections.of(pool, 250)) {
                    page.locator("a[href='directory']").first().click();
                    // three of the pool's time-outs: the click is still waiting for its session check
                    page.waitForTimeout(1_000);
                    assertThat(page.url()).endsWith("/partners");
                    assertThat(state(page)).as("Vaadin's loading bar, not 'reconnecting'").isEqualTo("loading");
                }

                page.waitForURL(Pattern.compile(".*/directory$"));
                assertThat(page.locator("#directory-total")).containsText("Найдено компаний: ");
                assertThat(page.locator("body")).not().containsText("Сервис временно недоступен");
                assertThat(page.evaluate("() => window.samePage === true")).as("no reload").isEqualTo(true);
                page.waitForFunction("() => window.Vaadin.connectionState.state === 'connected'");
                assertThat(page.evaluate("() => window.connectionStates.join(' ')").toString())
                        .doesNotContain("reconnecting", "connection-lost");
            } catch (RuntimeException | AssertionError e) {
                Path screenshot = Path.of("target", "playwright", "session-check-busy-spell.png");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(screenshot));
                System.err.println("The busy spell failed at " + page.url() + ", see " + screenshot.toAbsolutePath());
                throw e;
            }
        }
    }

    private static String state(Page page) {
        return page.evaluate("() => window.Vaadin.connectionState.state").toString();
    }
}
