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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * An end-to-end journey in Chromium. Failsafe runs three classes at a time (pom.xml): a journey class
 * takes a browser that no other class is using and gives it back when it ends (Playwright is not thread-safe:
 * one class, on one thread, uses it at a time); each journey works in browser contexts of its own (separate
 * cookies and storage, as separate browsers would have), and whatever context a journey leaves open is closed
 * after it. The browsers are closed when the JVM ends. Starting Playwright's driver and Chromium took a few
 * seconds per test class; one for each of failsafe's threads is started in the background when the first
 * journey class is initialised, so that they start while the server does, and no more: a class that finds
 * none idle waits for one to be given back. A browser per thread instead started one for every thread of
 * JUnit's pool, which at times grows a third and a fourth thread, and a browser started whenever none was idle
 * one for the third: JUnit's ForkJoinPool starts another thread whenever one of its threads waits in a
 * {@code CompletableFuture.join} (a managed block), as the first classes did for the browsers still starting,
 * and that thread takes the next class (5 drivers and browsers in a run instead of 4; bench/README.md,
 * run-suite, stop 36). The waits here are plain ones, which the pool does not make up for. A browser no class
 * is using or waiting for is lent to AccessibilityIT's page checks ({@link #lendIdle}).
 */
public abstract class BrowserJourney {

    /**
     * The Playwrights and Chromiums no journey class is using: one for each of failsafe's threads
     * (it.parallelism in pom.xml) started ahead, and those given back.
     */
    private static final BlockingQueue<CompletableFuture<Chromium.Launched>> IDLE = Stream
            .generate(Chromium::launchInBackground).limit(Integer.getInteger("b2bforum.it.parallelism", 2))
            .collect(Collectors.toCollection(LinkedBlockingQueue::new));

    /** Journey classes waiting for a browser ({@link #idle}): {@link #lendIdle} lends none while one is. */
    private static final AtomicInteger WAITING = new AtomicInteger();

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
        if (launched != null && launched.browser().isConnected()) {
            return launched.browser();
        }
        if (launched != null) {
            launched.close();
            TAKEN.remove();
        }
        try {
            launched = await(launched != null ? Chromium.launchInBackground() : idle());
            if (!launched.browser().isConnected()) {
                launched.close();
                launched = await(Chromium.launchInBackground());
            }
        } catch (RuntimeException e) {
            // the other classes keep as many browsers as before
            IDLE.add(Chromium.launchInBackground());
            throw e;
        }
        TAKEN.set(launched);
        return launched.browser();
    }

    /** A browser no class is using, or, when all are taken, the first given back. */
    private static CompletableFuture<Chromium.Launched> idle() {
        WAITING.incrementAndGet();
        try {
            CompletableFuture<Chromium.Launched> idle = IDLE.poll(10, TimeUnit.MINUTES);
            if (idle == null) {
                throw new IllegalStateException("no browser given back in 10 minutes");
            }
            return idle;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            WAITING.decrementAndGet();
        }
    }

    /**
     * Lends a browser that no journey class is using or waiting for to {@code work}, on this thread, and takes it
     * back when the work returns; waits for one as long as {@code wanted} says there is work. For AccessibilityIT's
     * checks, which fill in for the journey classes: once those are done (or while they wait for the server),
     * their browsers would stand idle while its own few still had pages to check, one core idle at the end of
     * failsafe's run (bench/README.md, run-suite, stop 37). Lent for one piece of work at a time, so that a journey
     * class waits no longer than that.
     *
     * @return whether it lent one ({@code false}: no more work wanted)
     */
    public static boolean lendIdle(BooleanSupplier wanted, Consumer<Browser> work) throws InterruptedException {
        while (wanted.getAsBoolean()) {
            CompletableFuture<Chromium.Launched> idle = WAITING.get() == 0 ? IDLE.poll() : null;
            if (idle == null) {
                Thread.sleep(100);
                continue;
            }
            Chromium.Launched launched;
            try {
                launched = await(idle);
            } catch (RuntimeException e) {
                IDLE.add(Chromium.launchInBackground());
                throw e;
            }
            try {
                if (launched.browser().isConnected()) {
                    work.accept(launched.browser());
                }
            } finally {
                giveBack(launched);
            }
            return true;
        }
        return false;
    }

    /**
     * Waits for the launch without a managed block ({@code join} would be one, on JUnit's ForkJoinPool, which
     * starts another thread to make up for it, and that thread another test class), then returns it or throws
     * its failure.
     */
    private static Chromium.Launched await(CompletableFuture<Chromium.Launched> launch) {
        CountDownLatch done = new CountDownLatch(1);
        launch.whenComplete((launched, failure) -> done.countDown());
        try {
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Chromium not started in 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return launch.join();
    }

    /** Closes the contexts the class left open and gives its browser back for the next journey class. */
    @AfterAll
    static void giveTheBrowserBack() {
        Chromium.Launched launched = TAKEN.get();
        TAKEN.remove();
        if (launched != null) {
            giveBack(launched);
        }
    }

    /** Closes the browser's contexts and puts it back with the idle ones (a new one if it died). */
    private static void giveBack(Chromium.Launched launched) {
        if (launched.browser().isConnected()) {
            for (BrowserContext context : launched.browser().contexts()) {
                context.close();
            }
            IDLE.add(CompletableFuture.completedFuture(launched));
        } else {
            launched.close();
            IDLE.add(Chromium.launchInBackground());
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
