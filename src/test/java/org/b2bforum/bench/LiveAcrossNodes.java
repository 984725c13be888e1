package org.b2bforum.bench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.base.ui.Chromium;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * The check of {@code bench/run-live-nodes}: two application nodes on one database, the demo forum, a company's page
 * open on each node in Chromium, and what one company does on its node timed until the other node's open page shows
 * it without a reload: a message each way, a meeting request (the note and the bell), its acceptance (the bell), and
 * an organizer's announcement made on node 1 (the banner and the bell on both nodes' pages). Arguments: node 1's
 * port, node 2's port, node 1's database port (the embedded MariaDB both nodes use). Each step is given
 * {@value #TIMEOUT_MS} ms; the last line of standard output is
 * {@code RESULT steps=<n> shown=<n> missed=<n> max_ms=<x>} with a line per step above it.
 */
public final class LiveAcrossNodes {

    static final int TIMEOUT_MS = 15_000;
    static final String A = "info@mosdorservis.ru";
    static final String B = "info@dorstroymash.by";
    static final String COMPANY_PASSWORD = "demo-company-2026";
    static final String ORGANIZER = "organizer@forum.demo";
    static final String ORGANIZER_PASSWORD = "demo-organizer-2026";

    private final PrintStream out;
    private final int node1;
    private final int node2;
    private final List<String> lines = new ArrayList<>();
    private int shown;
    private int missed;
    private long maxMs;

    private LiveAcrossNodes(PrintStream out, int node1, int node2) {
        this.out = out;
        this.node1 = node1;
        this.node2 = node2;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        System.setOut(System.err);
        int node1 = Integer.parseInt(args[0]);
        int node2 = Integer.parseInt(args[1]);
        long a;
        long b;
        try (Connection db = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + args[2] + "/forum", "root", "")) {
            a = companyOf(db, A);
            b = companyOf(db, B);
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
            new LiveAcrossNodes(out, node1, node2).run(browser, a, b);
        }
        System.exit(0);
    }

    private void run(Browser browser, long a, long b) {
        try (BrowserContext contextA = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
                BrowserContext contextB = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
                BrowserContext contextO = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page pageA = contextA.newPage();
            Page pageB = contextB.newPage();
            Page organizer = contextO.newPage();
            for (Page page : List.of(pageA, pageB, organizer)) {
                page.setDefaultTimeout(120_000);
            }
            try {
                BrowserJourney.logInAtStartPage(pageA, node1, A, COMPANY_PASSWORD, "partners");
                BrowserJourney.logInAtStartPage(pageB, node2, B, COMPANY_PASSWORD, "partners");
                Chromium.open(pageA, "messages/" + b);
                Chromium.open(pageB, "messages/" + a);

                String toA = "Сообщение с узла 2 " + System.nanoTime();
                pageB.locator("#message-text textarea").fill(toA);
                timed("message node 2 -> node 1", () -> pageB.locator("#send-message").click(),
                        () -> assertThat(pageA.locator("#messages .message.theirs").filter(
                                new Locator.FilterOptions().setHasText(toA))).isVisible());
                String toB = "Ответ с узла 1 " + System.nanoTime();
                pageA.locator("#message-text textarea").fill(toB);
                timed("message node 1 -> node 2", () -> pageA.locator("#send-message").click(),
                        () -> assertThat(pageB.locator("#messages .message.theirs").filter(
                                new Locator.FilterOptions().setHasText(toB))).isVisible());

                // a meeting request from node 2: the note and the bell on node 1's open page
                int bellA = bell(pageA);
                Chromium.open(pageB, "meetings/new?with=" + a);
                pageB.locator("#request-slot").click();
                pageB.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(" · ")).first().click();
                Chromium.settle(pageB);
                timed("meeting request node 2 -> node 1 (bell " + bellA + " -> " + (bellA + 1) + ")",
                        () -> pageB.locator("#request-submit").click(),
                        () -> assertThat(pageA.locator("#notifications-button")).hasText(String.valueOf(bellA + 1),
                                new LocatorAssertions.HasTextOptions().setTimeout(TIMEOUT_MS)));

                // accepted on node 1: node 2's bell
                int bellB = bell(pageB);
                Chromium.open(pageA, "meetings");
                Locator request = pageA.locator("#meetings-incoming .meeting-row").filter(
                        new Locator.FilterOptions().setHasText(Pattern.compile("Дорстроймаш"))).first();
                request.locator("vaadin-button[id^=accept-]").click();
                timed("acceptance node 1 -> node 2 (bell " + bellB + " -> " + (bellB + 1) + ")",
                        () -> pageA.locator("#confirm-accept").click(),
                        () -> assertThat(pageB.locator("#notifications-button")).hasText(String.valueOf(bellB + 1),
                                new LocatorAssertions.HasTextOptions().setTimeout(TIMEOUT_MS)));

                // an announcement by the organizer on node 1: the banner on both companies' open pages
                BrowserJourney.logInAtStartPage(organizer, node1, ORGANIZER, ORGANIZER_PASSWORD, "registrations");
                Chromium.open(organizer, "announcements");
                String text = "Объявление узла 1 " + System.nanoTime();
                organizer.locator("#announcement-text textarea").fill(text);
                organizer.locator("#announcement-publish").click();
                int bellA2 = bell(pageA);
                int bellB2 = bell(pageB);
                timed("announcement node 1 -> node 2's page (banner)",
                        () -> organizer.locator("#confirm-announcement vaadin-button[slot=confirm-button]").click(),
                        () -> assertThat(pageB.locator("#announcement-banner")).containsText(text));
                timed("announcement node 1 -> node 1's page (banner)", () -> {
                }, () -> assertThat(pageA.locator("#announcement-banner")).containsText(text));
                timed("announcement: node 1's page's bell " + bellA2 + " -> " + (bellA2 + 1), () -> {
                }, () -> assertThat(pageA.locator("#notifications-button")).hasText(String.valueOf(bellA2 + 1),
                        new LocatorAssertions.HasTextOptions().setTimeout(TIMEOUT_MS)));
                timed("announcement: node 2's page's bell " + bellB2 + " -> " + (bellB2 + 1), () -> {
                }, () -> assertThat(pageB.locator("#notifications-button")).hasText(String.valueOf(bellB2 + 1),
                        new LocatorAssertions.HasTextOptions().setTimeout(TIMEOUT_MS)));
            } catch (RuntimeException | AssertionError e) {
                for (Page page : List.of(pageA, pageB, organizer)) {
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target",
                            "live-nodes", (page == pageA ? "a" : page == pageB ? "b" : "organizer") + ".png")));
                }
                lines.add("  failed: " + e.toString().lines().findFirst().orElse(""));
                missed++;
            }
        }
        lines.forEach(out::println);
        out.printf(Locale.ROOT, "RESULT steps=%d shown=%d missed=%d max_ms=%d%n", shown + missed, shown, missed, maxMs);
    }

    /** Runs {@code act}, then waits (up to {@value #TIMEOUT_MS} ms) for {@code shown}; the time from the act. */
    private void timed(String step, Runnable act, Runnable shownThen) {
        long started = System.nanoTime();
        act.run();
        try {
            shownThen.run();
            long ms = (System.nanoTime() - started) / 1_000_000;
            maxMs = Math.max(maxMs, ms);
            shown++;
            lines.add(String.format(Locale.ROOT, "  %s: shown in %d ms", step, ms));
        } catch (AssertionError e) {
            missed++;
            lines.add(String.format(Locale.ROOT, "  %s: NOT shown within %d ms", step, TIMEOUT_MS));
        }
    }

    private static int bell(Page page) {
        String text = bellText(page);
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    private static String bellText(Page page) {
        return page.locator("#notifications-button").innerText().strip();
    }

    private static long companyOf(Connection db, String email) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("select company_id from app_user where email = ?")) {
            statement.setString(1, email);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
