package org.b2bforum.base.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Chromium for end-to-end tests: Debian's {@code /usr/bin/chromium-headless-shell} on CI (the build sets
 * {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}), or its {@code /usr/bin/chromium}, else the browser Playwright
 * downloads for itself. The headless shell is the same Blink and V8 without the full browser's windowing
 * layers, as Playwright itself runs headless Chromium; {@code -Db2bforum.chromium=/usr/bin/chromium} takes
 * the full browser.
 */
public final class Chromium {

    private static final Path SYSTEM_CHROMIUM = systemChromium();
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private Chromium() {
    }

    private static Path systemChromium() {
        String chosen = System.getProperty("b2bforum.chromium", "");
        if (!chosen.isBlank()) {
            return Path.of(chosen);
        }
        Path shell = Path.of("/usr/bin/chromium-headless-shell");
        return Files.isExecutable(shell) ? shell : Path.of("/usr/bin/chromium");
    }

    public static Playwright playwright() {
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            return Playwright.create();
        }
        // No system Chromium (a developer's machine): let Playwright download its own, whatever the build says.
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "0")));
    }

    public static Browser launch(Playwright playwright) {
        // 120 s, as the journeys' navigations: the launches now start beside the server's start, the machine's
        // busiest moment, where Playwright's default of 30 s was once close (a 96 s server start at load ~30)
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setTimeout(120_000);
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            options.setExecutablePath(SYSTEM_CHROMIUM).setArgs(ARGS);
        }
        return playwright.chromium().launch(options);
    }

    /** A Playwright (its driver, a Node process) and the Chromium it launched; closing it ends both. */
    public record Launched(Playwright playwright, Browser browser) implements AutoCloseable {

        @Override
        public void close() {
            playwright.close();
        }
    }

    /**
     * Starts Playwright's driver and Chromium in a thread of their own, for a test thread to take when it needs
     * them (Playwright is not thread-safe: the taking thread is then its only user; the future's completion
     * hands it over). The browser journeys start theirs while the first test class waits for the server's
     * Spring context instead of after it (measured only on the loaded machine, where it did not pay:
     * bench/README.md, run-suite, stop 33). A launch that fails is tried once more. Closed when the JVM ends,
     * if not before.
     */
    public static CompletableFuture<Launched> launchInBackground() {
        CompletableFuture<Launched> launched = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("chromium-launch").start(() -> {
            try {
                launched.complete(launchOwn());
            } catch (RuntimeException first) {
                try {
                    launched.complete(launchOwn());
                } catch (Throwable second) {
                    second.addSuppressed(first);
                    launched.completeExceptionally(second);
                }
            } catch (Throwable e) {
                launched.completeExceptionally(e);
            }
        });
        return launched;
    }

    private static Launched launchOwn() {
        Playwright playwright = playwright();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(playwright::close));
        try {
            return new Launched(playwright, launch(playwright));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * Opens a page of the application from the one loaded in this browser page, as its links do: the router's
     * navigation (one round trip to the server), then waits for the server's answer, the new address and Vaadin
     * to settle. A fresh load ({@code page.navigate}) runs the whole bundle (Lumo and every Vaadin component) again,
     * about 0.5 s of Chromium's CPU against 0.1-0.2 s for this (bench/README.md, run-suite); use it where the
     * journey is not about loading the address itself (a reload, a bookmark, a link from outside).
     */
    public static void open(Page page, String path) {
        settle(page);
        String target = "/" + path;
        page.waitForResponse(response -> response.url().contains("v-r=uidl"), new Page.WaitForResponseOptions()
                .setTimeout(120_000), () -> page.evaluate("target => window.dispatchEvent(new CustomEvent("
                        + "'vaadin-router-go', {detail: new URL(target, document.baseURI)}))", target));
        page.waitForFunction("target => location.pathname + location.search === target", target);
        settle(page);
    }

    /**
     * The window at a phone's width (390) or a desktop's, once the frame has laid itself out for it: the menu over the
     * page on a phone, beside it on a desktop. Vaadin's layout switches after the resize; measured before that, the
     * page was 102 px wide beside the desktop's menu and the name a column a word wide (a failed suite at load 6).
     */
    public static void width(Page page, int width) {
        page.setViewportSize(width, width < 600 ? 844 : 1000);
        page.waitForFunction("phone => document.querySelector('vaadin-app-layout').hasAttribute('overlay') === phone",
                width < 600);
    }

    /** Waits until Vaadin has no request to the server under way. */
    public static void settle(Page page) {
        page.waitForFunction("""
                () => {
                  const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                  return !!clients && Object.values(clients).every(client => !client.isActive());
                }""");
    }
}
