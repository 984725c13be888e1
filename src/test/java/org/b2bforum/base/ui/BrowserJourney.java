package org.b2bforum.base.ui;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * An end-to-end journey in Chromium. Failsafe runs two journey classes at a time (pom.xml): one
 * browser serves every journey of a thread (Playwright is not thread-safe), taken by its first journey,
 * closed when the JVM ends; each journey works in browser contexts of its own (separate cookies and
 * storage, as separate browsers would have), and whatever context a journey leaves open is closed after
 * it. Starting Playwright's driver and Chromium took a few seconds per test class; the two threads' are started
 * in the background when the first journey class is initialised, so that they start while the server does.
 */
public abstract class BrowserJourney {

    /** One Playwright and Chromium for each of failsafe's threads (it.parallelism in pom.xml), started ahead. */
    private static final Queue<CompletableFuture<Chromium.Launched>> AHEAD = new ConcurrentLinkedQueue<>(
            Stream.generate(Chromium::launchInBackground).limit(Integer.getInteger("b2bforum.it.parallelism", 2))
                    .toList());

    private static final ThreadLocal<Playwright> PLAYWRIGHT = new ThreadLocal<>();
    private static final ThreadLocal<Browser> BROWSER = new ThreadLocal<>();

    /** This thread's browser. */
    protected Browser browser;

    @BeforeAll
    static void assertionTimeout() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @BeforeEach
    void browserOfThisThread() {
        browser = browser();
    }

    private static Browser browser() {
        Browser browser = BROWSER.get();
        if (browser == null || !browser.isConnected()) {
            if (PLAYWRIGHT.get() != null) {
                PLAYWRIGHT.get().close();
            }
            CompletableFuture<Chromium.Launched> ahead = AHEAD.poll();
            Chromium.Launched launched = ahead != null ? ahead.join() : Chromium.launchInBackground().join();
            if (!launched.browser().isConnected()) {
                launched.close();
                launched = Chromium.launchInBackground().join();
            }
            browser = launched.browser();
            PLAYWRIGHT.set(launched.playwright());
            BROWSER.set(browser);
        }
        return browser;
    }

    @AfterAll
    static void closeContextsLeftOpen() {
        Browser browser = BROWSER.get();
        if (browser != null && browser.isConnected()) {
            for (BrowserContext context : browser.contexts()) {
                context.close();
            }
        }
    }
}
