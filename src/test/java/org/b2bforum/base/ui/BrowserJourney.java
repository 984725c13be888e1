package org.b2bforum.base.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * An end-to-end journey in Chromium. Failsafe runs two journey classes at a time (pom.xml): one
 * browser serves every journey of a thread (Playwright is not thread-safe), started by the first,
 * closed when the JVM ends; each journey works in browser contexts of its own (separate cookies and
 * storage, as separate browsers would have), and whatever context a journey leaves open is closed after
 * it. Starting Playwright's driver and Chromium took a few seconds per test class.
 */
public abstract class BrowserJourney {

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
            Playwright playwright = Chromium.playwright();
            browser = Chromium.launch(playwright);
            PLAYWRIGHT.set(playwright);
            BROWSER.set(browser);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(playwright::close));
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
