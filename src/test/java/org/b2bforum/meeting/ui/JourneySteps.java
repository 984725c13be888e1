package org.b2bforum.meeting.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.b2bforum.TestData;
import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.base.ui.Chromium;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The steps the meeting journeys share, in Russian: log in as a company, the menu, the agenda. */
record JourneySteps(Page page, int port) {

    /**
     * Logs in with the company password over HTTP ({@link BrowserJourney#logInAtStartPage}: these journeys are not about
     * the log-in form) and opens the start page: approved companies start at their suggested partners.
     */
    void logIn(String email) {
        BrowserJourney.logInAtStartPage(page, port, email, TestData.COMPANY_PASSWORD, "partners");
    }

    void menu(String item, String path) {
        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
        page.waitForURL(Pattern.compile(".*/" + path + "([?#].*)?$"));
        Chromium.settle(page);
    }

    /** Opens the agenda from the menu (on the day of the next meeting): the one meeting with the counterpart. */
    Locator agendaEntry(String counterpart) {
        menu("Расписание", "agenda");
        Locator entry = page.locator("#agenda-entries .agenda-meeting")
                .filter(new Locator.FilterOptions().setHasText(counterpart));
        assertThat(entry).hasCount(1);
        return entry;
    }

    /** An agenda meeting's time, place and status: "10:20–10:40 | Зал A, стол № 1 | Подтверждена". */
    static String line(Locator entry) {
        return entry.locator(".agenda-time").innerText() + " | " + entry.locator(".agenda-place").innerText() + " | "
                + entry.locator(".status-badge").innerText();
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
