package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.b2bforum.base.security.FormLogIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;

/**
 * An end-to-end journey in Chromium. Failsafe runs two journey classes at a time (pom.xml): a journey class
 * takes a browser that no other class is using, or starts one, and gives it back when it ends (Playwright is
 * not thread-safe: one class, on one thread, uses it at a time); each journey works in browser contexts of its
 * own (separate cookies and storage, as separate browsers would have), and whatever context a journey leaves
 * open is closed after it. The browsers are closed when the JVM ends. Starting Playwright's driver and Chromium
 * took a few seconds per test class; two are started in the background when the first journey class is
 * initialised, so that they start while the server does. A browser per thread instead started one for every
 * thread of JUnit's pool, which at times grows a third and a fourth thread (7 drivers and browsers in a run:
 * AccessibilityIT's three, and four for journeys of which at most two ran at a time).
 */
public abstract class BrowserJourney {

    /**
     * The Playwrights and Chromiums no journey class is using: one for each of failsafe's threads
     * (it.parallelism in pom.xml) started ahead, and those given back.
     */
    private static final Queue<CompletableFuture<Chromium.Launched>> IDLE = new ConcurrentLinkedQueue<>(
            Stream.generate(Chromium::launchInBackground).limit(Integer.getInteger("b2bforum.it.parallelism", 2))
                    .toList());

    /** The browser of the journey class running on this thread. */
    private static final ThreadLocal<Chromium.Launched> TAKEN = new ThreadLocal<>();

    /** This class's browser. */
    protected Browser browser;

    @BeforeAll
    static void assertionTimeout() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @BeforeEach
    void browserOfThisClass() {
        browser = browser();
    }

    private static Browser browser() {
        Chromium.Launched launched = TAKEN.get();
        if (launched == null || !launched.browser().isConnected()) {
            if (launched != null) {
                launched.close();
            }
            CompletableFuture<Chromium.Launched> idle = IDLE.poll();
            launched = idle != null ? idle.join() : Chromium.launchInBackground().join();
            if (!launched.browser().isConnected()) {
                launched.close();
                launched = Chromium.launchInBackground().join();
            }
            TAKEN.set(launched);
        }
        return launched.browser();
    }

    /** Closes the contexts the class left open and gives its browser back for the next journey class. */
    @AfterAll
    static void giveTheBrowserBack() {
        Chromium.Launched launched = TAKEN.get();
        TAKEN.remove();
        if (launched == null) {
            return;
        }
        if (launched.browser().isConnected()) {
            for (BrowserContext context : launched.browser().contexts()) {
                context.close();
            }
            IDLE.add(CompletableFuture.completedFuture(launched));
        } else {
            launched.close();
        }
    }

    /**
     * Logs the page's browser context in over HTTP ({@link #logInOverHttp}, no language cookie: Russian), opens the
     * start page "" and checks where it forwards this user ({@code startPage}: companies to "partners", organizers
     * to "registrations"), as the log-in form's redirect does.
     */
    public static void logInAtStartPage(Page page, int port, String email, String password, String startPage) {
        logInOverHttp(page.context(), port, email, password, null);
        page.navigate("http://localhost:" + port + "/", new Page.NavigateOptions().setTimeout(120_000));
        Chromium.settle(page);
        page.waitForURL(Pattern.compile(".*/" + Pattern.quote(startPage) + "([?#].*)?$"));
    }

    /**
     * Logs the browser context in as the user: the log-in form posted over HTTP ({@link FormLogIn}: the log-in
     * page's CSRF token, the form, a redirect that is not to the error), with the language cookie the browser
     * would send ({@code null}: none, Russian), and the session's cookies given to the context. The form in the
     * browser costs two fresh page loads (the log-in page, then the page it leads to, each running Vaadin's whole
     * bundle again: about 0.4 s of Chromium's CPU) where a journey is not about logging in. The form itself in the
     * browser, and where it leads, are the journeys' of registration, check-in and the badge, and
     * AccessibilityIT's keyboard check.
     */
    public static void logInOverHttp(BrowserContext context, int port, String email, String password,
            String language) {
        String site = "http://localhost:" + port + "/";
        CookieManager cookies = new CookieManager();
        if (language != null) {
            HttpCookie languageCookie = new HttpCookie("b2bforum-lang", language);
            languageCookie.setPath("/");
            languageCookie.setVersion(0);
            cookies.getCookieStore().add(URI.create(site), languageCookie);
        }
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<Void> response = FormLogIn.post(client, port, email, password,
                    FormLogIn.csrfToken(client, port));
            assertThat(response.statusCode()).as("log-in of " + email).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).as("log-in of " + email)
                    .doesNotContain("error");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Cookie> session = cookies.getCookieStore().getCookies().stream()
                .map(cookie -> new Cookie(cookie.getName(), cookie.getValue()).setDomain("localhost").setPath("/"))
                .toList();
        context.addCookies(session);
    }
}
