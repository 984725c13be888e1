package org.b2bforum.base.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * An end-to-end journey in Chromium. One browser serves every journey of the (failsafe) JVM: started
 * by the first, closed when the JVM ends; each journey works in browser contexts of its own (separate
 * cookies and storage, as separate browsers would have), and whatever context a journey leaves open is
 * closed after it. Starting Playwright's driver and Chromium took a few seconds per test class.
 */
public abstract class BrowserJourney {

    private static Playwright shared;

    protected static Playwright playwright;
    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        synchronized (BrowserJourney.class) {
            if (shared == null || !browser.isConnected()) {
                if (shared != null) {
                    shared.close();
                }
                shared = Chromium.playwright();
                browser = Chromium.launch(shared);
                playwright = shared;
                Playwright closing = shared;
                Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(closing::close));
            }
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void closeContextsLeftOpen() {
        if (browser != null && browser.isConnected()) {
            for (BrowserContext context : browser.contexts()) {
                context.close();
            }
        }
    }
}
