package org.b2bforum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.b2bforum.base.ui.BrowserJourney;
import org.b2bforum.base.ui.Chromium;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;

/**
 * What an open page does while the session check cannot get a connection (review54, docs/security.md): against a
 * running demo forum, logs a company in in Chromium, opens its partners page, stops the application's mariadbd with
 * SIGSTOP, clicks the menu's "Meetings" 2 s later, sends SIGCONT after {@code STOP_SECONDS}, and then watches the page
 * for {@code WATCH_SECONDS}: every 2 s Vaadin's connection state, whether the page is still the same (a reload loses a
 * mark set in it), its address and the connection indicator's words; a screenshot every 10 s. Writes the network log
 * of Vaadin's requests and page loads, with the states, to {@code OUT_DIR/LABEL-network.log}, and prints it. Arguments:
 * {@code PORT MARIADBD_PID OUT_DIR LABEL STOP_SECONDS WATCH_SECONDS}; the pid is that of the mariadbd whose command line
 * names the application's data directory (stop only your own). Run with {@code bench/run-java-class}.
 */
public final class SessionCheckBusySpell {

    private static final String STATE = """
            () => [window.Vaadin.connectionState.state, window.samePage ? 'same page' : 'RELOADED', location.pathname,
                   ((document.querySelector('vaadin-connection-indicator .v-status-message') || {}).textContent || '')
                       .trim()].join(' | ')""";

    private SessionCheckBusySpell() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String mariadbd = args[1];
        Path out = Files.createDirectories(Path.of(args[2]));
        String label = args[3];
        long stopMillis = Long.parseLong(args[4]) * 1000;
        long watchMillis = Long.parseLong(args[5]) * 1000;
        String site = "http://localhost:" + port;
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        long start = System.currentTimeMillis();
        Clock clock = line -> log.add("%6.1f s  %s".formatted((System.currentTimeMillis() - start) / 1000.0, line));
        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright);
                BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1280, 900).setLocale("ru-RU"))) {
            BrowserJourney.logInOverHttp(context, port, "info@mosdorservis.ru", "demo-company-2026", null);
            Page page = context.newPage();
            page.setDefaultTimeout(120_000);
            page.onRequest(r -> {
                if (r.url().contains("v-r=") || r.isNavigationRequest()) {
                    clock.note("-> " + r.method() + " " + r.url().replace(site, ""));
                }
            });
            page.onResponse(r -> {
                if (r.url().contains("v-r=") || r.request().isNavigationRequest()) {
                    clock.note("<- " + r.status() + " " + r.url().replace(site, ""));
                }
            });
            page.onRequestFailed(r -> clock.note("failed " + r.url().replace(site, "") + " " + r.failure()));
            page.navigate(site + "/partners");
            Chromium.settle(page);
            page.evaluate("""
                    () => {
                      window.samePage = true;
                      window.connectionStates = [];
                      window.Vaadin.connectionState.addStateChangeListener(
                          (before, now) => window.connectionStates.push(before + ' -> ' + now));
                    }""");
            page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve(label + "-0-before.png")));

            signal("STOP", mariadbd);
            clock.note("SIGSTOP " + mariadbd);
            long stopped = System.currentTimeMillis();
            page.waitForTimeout(2000);
            clock.note("click the menu's 'meetings'");
            page.locator("a[href='meetings']").first().click();
            boolean continued = false;
            int shots = 0;
            for (long since = 0; since < stopMillis + watchMillis; since = System.currentTimeMillis() - stopped) {
                if (!continued && since >= stopMillis) {
                    signal("CONT", mariadbd);
                    clock.note("SIGCONT " + mariadbd);
                    continued = true;
                }
                clock.note("state " + read(page, STATE));
                if (since >= 10_000L * (shots + 1)) {
                    shots++;
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(out.resolve("%s-%d-at-%03ds.png".formatted(label, shots, since / 1000))));
                }
                page.waitForTimeout(2000);
            }
            clock.note("state changes: " + read(page, "() => window.connectionStates.join(', ')"));
            page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve(label + "-9-end.png")));
        } finally {
            signal("CONT", mariadbd);
            Files.write(out.resolve(label + "-network.log"), log);
            log.forEach(System.out::println);
        }
    }

    private interface Clock {
        void note(String line);
    }

    /** The page's answer, or why there was none (a reload under way). */
    private static String read(Page page, String script) {
        try {
            return String.valueOf(page.evaluate(script));
        } catch (PlaywrightException e) {
            return "not read: " + e.getMessage().lines().findFirst().orElse("");
        }
    }

    private static void signal(String signal, String pid) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor();
    }
}
