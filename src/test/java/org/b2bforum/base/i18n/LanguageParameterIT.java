package org.b2bforum.base.i18n;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.b2bforum.RunningServerTest;
import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.base.ui.Chromium;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * A first-time visitor, or an e-mail's link, opens a page with {@code ?lang=en}: it is in English, and so are the
 * next pages without it, in the session already open too; {@code ?lang=ru} goes back. Before, only the RU|EN switch
 * chose the language, and the parameter was ignored.
 */
@RunningServerTest
class LanguageParameterIT extends BrowserJourney {

    @LocalServerPort
    int port;

    @Test
    void lang_in_the_address_chooses_the_language_of_this_page_and_the_next_ones() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            open(page, "register");
            assertThat(page.locator("h1")).hasText("Регистрация компании");

            open(page, "register?lang=en"); // the session of the Russian page is open
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText("Register your company");

            open(page, "login");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("#lang-en")).hasAttribute("aria-current", "true");

            open(page, "register?lang=ru");
            assertThat(page.locator("html")).hasAttribute("lang", "ru");
            assertThat(page.locator("h1")).hasText("Регистрация компании");
        }
    }

    private void open(Page page, String path) {
        page.navigate("http://localhost:" + port + "/" + path, new Page.NavigateOptions().setTimeout(120_000));
        Chromium.settle(page);
    }
}
