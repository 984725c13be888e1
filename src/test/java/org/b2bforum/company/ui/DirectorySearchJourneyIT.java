package org.b2bforum.company.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.regex.Pattern;

import org.b2bforum.RunningServerTest;
import org.b2bforum.TestData;
import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.base.ui.Chromium;
import org.b2bforum.company.Country;
import org.b2bforum.company.Sector;
import org.b2bforum.company.TestCompanies;
import org.b2bforum.company.TestCompanies.TestCompany;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The directory's search in a real browser: it changes the results and the address without a navigation of the
 * router (issue 17), so the back and forward buttons, a reload and a bookmark must still show the search of their
 * address. A failure leaves a screenshot in {@code target/playwright}.
 */
@RunningServerTest
class DirectorySearchJourneyIT extends BrowserJourney {

    @LocalServerPort
    int port;
    @Autowired
    TestCompanies companies;

    @Test
    void a_search_is_in_the_address_and_back_forward_and_reload_show_the_search_of_their_address() {
        String word = TestCompanies.uniqueWord();
        TestCompany viewer;
        TestCompany found;
        try {
            viewer = companies.approved(Country.RU);
            // one short sector: a card whose star fits beside the name on a phone (the layout under test below)
            found = companies.approved(Country.BY, form -> {
                // a long name of one word, as Belarusian enterprises' names can be: it must break on a phone
                form.setShortName("БелМосКомбинатДорКоммунТехника-" + word);
                form.setOffers("Котельные под ключ, " + word + ".");
                form.setSectors(EnumSet.of(Sector.TOURISM));
            });
            // one more that the search leaves out: the directory is the current forum's, and a forum that another
            // journey (or the previous run, whose database failsafe keeps) has just created may have no other
            companies.approved(Country.BY);
        } finally {
            TestData.logOut();
        }
        String name = found.shortName();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")
                .setViewportSize(1280, 1000))) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            // what the page sends to the server: the grid's updates are confirmed by the server (ServerConfirmedGrids)
            java.util.List<String> uidl = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onRequest(request -> {
                if (request.url().contains("v-r=uidl") && request.postData() != null) {
                    uidl.add(request.postData());
                }
            });
            try {
                // logged in over HTTP (the journey is not about the log-in form), then the start page: the partners
                logInAtStartPage(page, port, viewer.loginEmail(), TestData.COMPANY_PASSWORD, "partners");
                // as the menu's link opens it (the router), not loaded afresh: the reload below loads it afresh
                Chromium.open(page, "directory");
                Locator search = page.locator("#directory-search input");
                Locator total = page.locator("#directory-total");
                // more than the one company of the search (an exact count would race with the journeys that
                // failsafe runs beside this one, which approve companies of their own)
                Pattern everything = Pattern.compile("^Найдено компаний: (?!1$)\\d.*$");
                assertThat(total).hasText(everything);

                search.fill(word);
                search.press("Enter");
                page.waitForURL(Pattern.compile(".*/directory\\?q=" + Pattern.quote(encoded(word)) + "$"));
                assertThat(total).hasText("Найдено компаний: 1");
                assertThat(page.locator("#directory-results")).containsText(name);
                // the card as rendered from its template: the page's texts written into it, links and ids made from
                // the company's id in the browser
                Locator card = page.locator("#directory-results .company-card").first();
                assertThat(card.locator("a.company-name")).hasAttribute("href", "companies/" + found.id());
                assertThat(card).containsText("Предлагает: ");
                assertThat(card.locator("#star-" + found.id())).isVisible();
                assertThat(card.locator("#request-meeting-" + found.id())).containsText("Запросить встречу");
                assertThat(card.locator("#message-link-" + found.id())).hasAttribute("href", "messages/" + found.id());
                // the star beside the name on a wide screen; on a phone always under it, however short the name
                // (it went beside a short name and under a long one, card by card, review41)
                assertStar(card, false);
                Chromium.width(page, 390);
                assertStar(card, true);
                assertFits(card, "a.company-name");
                // the search field as wide as the cards under it on a phone (22em stopped 22 px short of them, ux85)
                String edges = (String) page.evaluate("() => ['#directory-search', '#directory-results']"
                        + ".map(s => { const r = document.querySelector(s).getBoundingClientRect();"
                        + " return Math.round(r.left) + '..' + Math.round(r.right); }).join(' and ')");
                org.assertj.core.api.Assertions.assertThat(edges).as("the search's edges and the list's at 390 px")
                        .matches("(\\d+\\.\\.\\d+) and \\1");
                Chromium.width(page, 1280);

                page.goBack();
                page.waitForURL(Pattern.compile(".*/directory$"));
                assertThat(search).hasValue("");
                assertThat(total).hasText(everything);

                page.goForward();
                page.waitForURL(Pattern.compile(".*/directory\\?q=.*"));
                assertThat(search).hasValue(word);
                assertThat(total).hasText("Найдено компаний: 1");

                page.reload();
                Chromium.settle(page);
                assertThat(page.locator("#directory-search input")).hasValue(word);
                assertThat(page.locator("#directory-results")).containsText(name);

                // the company's name in its card opens the profile at the first click of the mouse (the grid's
                // keyboard hint, shown at the press when the grid took the focus, pushed the card down a line before
                // the release: the click hit nothing), and the profile's link leads back to the same search
                page.locator("#directory-results a.company-name").first().click();
                page.waitForURL(Pattern.compile(".*/companies/" + found.id() + "$"));
                Chromium.width(page, 390);
                assertFits(page.locator(".profile-top"), "h1");
                assertStar(page.locator(".profile-top"), true); // the name beside the logo, not squeezed by the star
                Chromium.width(page, 1280);
                Locator back = page.locator("#profile-back-to-directory");
                assertThat(back).hasText("← К каталогу компаний");
                back.click();
                page.waitForURL(Pattern.compile(".*/directory\\?q=" + Pattern.quote(encoded(word)) + "$"));
                assertThat(page.locator("#directory-search input")).hasValue(word);
                assertThat(page.locator("#directory-total")).hasText("Найдено компаний: 1");

                // a click on a card's star after the searches finds its company by the row's key, which the server
                // keeps although the browser never confirmed a page of rows in a request of its own
                Locator star = page.locator("#star-" + found.id());
                star.click();
                assertThat(star).hasAttribute("aria-pressed", "true");
                org.assertj.core.api.Assertions.assertThat(uidl).as("requests the page sent").isNotEmpty()
                        .noneMatch(body -> body.contains("confirmUpdate"));
            } catch (RuntimeException | AssertionError e) {
                Path screenshot = Path.of("target", "playwright", "directory-search-journey.png");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(screenshot));
                System.err.println("The journey failed at " + page.url() + ", see " + screenshot.toAbsolutePath());
                throw e;
            }
        }
    }

    /** Measured in one go in the browser: the grid may lay its rows out again between two separate measurements. */
    private static void assertStar(Locator card, boolean under) {
        String where = (String) card.evaluate("""
                card => {
                  const head = card.querySelector('.company-head').getBoundingClientRect();
                  const star = card.querySelector('.star-button').getBoundingClientRect();
                  return (star.top >= head.bottom - 1 ? 'under' : 'beside') + ' (star at ' + star.top + ', name '
                      + head.top + '-' + head.bottom + ')';
                }""");
        Assertions.assertTrue(where.startsWith(under ? "under" : "beside"),
                "expected the star " + (under ? "under" : "beside") + " the company's name, it is " + where);
    }

    /** The element's text ends inside its container and the screen (a long name ran past a phone's edge, ux52). */
    private static void assertFits(Locator container, String selector) {
        String where = whereItEnds(container, selector);
        Assertions.assertTrue(where.startsWith("fits"), "the company's name on a phone: " + where);
    }

    private static String whereItEnds(Locator container, String selector) {
        return (String) container.evaluate("""
                (box, selector) => {
                  const e = box.querySelector(selector);
                  const right = e.getBoundingClientRect().right;
                  const edge = Math.min(box.getBoundingClientRect().right, window.innerWidth);
                  return (right <= edge + 1 && e.scrollWidth <= e.clientWidth + 1 ? 'fits' : 'overflows') + ' ('
                      + selector + ' ends at ' + right + ', scroll width ' + e.scrollWidth + ' of ' + e.clientWidth
                      + ', edge ' + edge + ')';
                }""", selector);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
