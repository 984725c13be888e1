package org.b2bforum.badge.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.BookingFixture.TestSession;
import org.b2bforum.DelegateFixture;
import org.b2bforum.RunningServerTest;
import org.b2bforum.TestData;
import org.b2bforum.badge.BadgePdfs;
import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.base.ui.Chromium;
import org.b2bforum.delegate.DelegateInvitationService;
import org.b2bforum.delegate.InvitationSent;
import org.b2bforum.meeting.OrganizerBookings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A delegate on the phone: opens the invitation link their company's representative passed on,
 * sets a password, logs in, sees the confirmed meeting with its table on "My badge and schedule",
 * and downloads the badge PDF. The forum, the two companies, their meeting and the invitation are
 * set up through the services. A failure leaves a screenshot in {@code target/playwright}.
 */
@RunningServerTest
class BadgeJourneyIT extends BrowserJourney {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    OrganizerBookings organizerBookings;
    @Autowired
    DelegateInvitationService invitations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_delegate_accepts_the_invitation_logs_in_sees_the_meeting_with_its_table_and_downloads_the_badge()
            throws Exception {
        BookingFixture booking = new BookingFixture(context);
        TestCompany company;
        String partnerName;
        String hall;
        InvitationSent invitation;
        try {
            TestSession session = booking.session(3, LocalTime.of(10, 0), LocalTime.of(11, 0), 20);
            hall = session.hallName();
            company = booking.approvedCompany();
            TestCompany partner = booking.approvedCompany();
            booking.asOrganizer(() -> organizerBookings.bookAsOrganizer(partner.id(), company.id(), session.slot(1).id()));
            partnerName = jdbc.queryForObject("select short_name from company where id = ?", String.class, partner.id());
            long delegate = company.firstDelegate();
            invitation = booking.as(company, () -> invitations.invite(delegate));
        } finally {
            TestData.logOut();
        }

        try (BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")
                .setViewportSize(390, 844).setAcceptDownloads(true))) {
            Page page = browserContext.newPage();
            page.setDefaultTimeout(30_000);
            try {
                page.navigate(url("invitation/" + DelegateFixture.token(invitation)),
                        new Page.NavigateOptions().setTimeout(120_000));
                Chromium.settle(page);
                assertThat(page.locator("#invitation-title")).hasText("Здравствуйте, Иван Петров!");
                page.locator("#invitation-password input").fill(DelegateFixture.DELEGATE_PASSWORD);
                page.locator("#invitation-confirmation input").fill(DelegateFixture.DELEGATE_PASSWORD);
                String sessionBefore = sessionCookie(browserContext);
                page.locator("#invitation-accept").click();
                // logged in at once and taken to the badge (ux52: they had to log in again by hand), in a new session
                page.waitForURL(Pattern.compile(".*/my-badge([?#].*)?$"));
                org.assertj.core.api.Assertions.assertThat(sessionCookie(browserContext)).as("session fixation")
                        .isNotNull().isNotEqualTo(sessionBefore);
                Chromium.settle(page);

                assertThat(page.locator("#my-badge-name")).hasText("Иван Петров");
                Locator meeting = page.locator(".agenda-meeting").filter(new Locator.FilterOptions()
                        .setHasText(partnerName));
                assertThat(meeting).hasCount(1);
                assertThat(meeting.locator(".agenda-time")).hasText("10:20–10:40");
                assertThat(meeting.locator(".my-schedule-table")).hasText("Стол № 1");
                assertThat(meeting.locator(".agenda-place")).hasText(hall);
                assertThat(page.locator("#calendar-export")).hasCount(1);
                // with a link made, "Создать новую ссылку (старая перестанет работать)" was wider than the phone: the
                // page scrolled sideways and cut its texts (the panel 386 px where 374 px were free, ux47)
                page.locator("#calendar-new-link").click();
                assertThat(page.locator("#calendar-new-link")).hasText("Создать новую ссылку (старая перестанет работать)");
                Object wide = page.evaluate("() => { const view = document.querySelector('.my-badge-view');"
                        + " const panel = document.querySelector('#calendar-export');"
                        + " return [view.scrollWidth - view.clientWidth,"
                        + " panel.getBoundingClientRect().right <= view.getBoundingClientRect().right]; }");
                org.assertj.core.api.Assertions.assertThat(wide)
                        .as("how far the page scrolls sideways, and whether the calendar panel stays inside it")
                        .isEqualTo(List.of(0, true));
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "playwright", "badge-journey-my-badge.png")));

                Download download = page.waitForDownload(() -> page.locator("#download-badge").click());
                Path file = download.path();
                byte[] pdf = Files.readAllBytes(file);
                assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                assertThat(download.suggestedFilename()).endsWith(".pdf");
                try (PDDocument document = BadgePdfs.load(pdf)) {
                    assertThat(document.getNumberOfPages()).isEqualTo(2);
                    assertThat(BadgePdfs.text(document, 1)).contains("Иван Петров");
                    assertThat(BadgePdfs.text(document, 2)).contains("10:20–10:40", "Стол № 1");
                }
            } catch (RuntimeException | AssertionError e) {
                Path screenshot = Path.of("target", "playwright", "badge-journey.png");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(screenshot));
                System.err.println("The journey failed at " + page.url() + ", see " + screenshot.toAbsolutePath());
                throw e;
            }
        }
        assertThat(company.id()).isPositive();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private static String sessionCookie(BrowserContext browserContext) {
        return browserContext.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value).findFirst()
                .orElse(null);
    }
}
