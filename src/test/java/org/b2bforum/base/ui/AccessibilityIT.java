package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.b2bforum.RunningServerTest;
import org.b2bforum.BookingFixture;
import org.b2bforum.BookingFixture.TestCompany;
import org.b2bforum.DelegateFixture;
import org.b2bforum.TestData;
import org.b2bforum.company.Country;
import org.b2bforum.fair.FairFixture;
import org.b2bforum.fair.LeadService;
import org.b2bforum.venue.StaffService;
import org.b2bforum.venue.VenueFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.deque.html.axecore.args.AxeRunContext;
import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * WCAG 2.2 AA checked by axe-core in Chromium on the main pages of every role (anonymous visitor,
 * company, delegate, staff, organizer), in Russian and English, on a desktop and a phone. Fails on
 * any serious or critical violation, except the component issues listed in {@link #KNOWN} (each
 * explained there and in docs/accessibility.md). On the phone's width it also checks reflow (WCAG 1.4.10,
 * which axe does not test): no field, button or text reaches past the page; on every page that no field's
 * label is cut off, no grid cell's text either, and every grid's headers stand over their columns; on a desktop's width
 * no grid but a matrix scrolls sideways. A failure lists rule, page and element.
 */
// the longest of failsafe's classes (its threads check pages while the other classes run), so it starts first
@Order(1)
@RunningServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityIT extends BrowserJourney {

    /**
     * Threads checking pages in browsers of this class: the test's own, in its class's browser
     * (-Db2bforum.accessibility.workers=2 starts one more browser for a second). The others check in the journey
     * classes' browsers whenever no journey class uses or waits for them ({@link #HELPERS}).
     */
    private static final int WORKERS = Integer.getInteger("b2bforum.accessibility.workers", 1);

    /**
     * Threads that check pages in the browsers the journey classes are not using ({@link BrowserJourney#lendIdle}):
     * one for each of those besides the one this class holds. Before, three workers of its own (two browsers more)
     * finished while the journeys still ran one after another in the one browser left to them, and then one core
     * was idle for the last 8-10 s of the run; with two of its own beside the lent ones the run took as long, with
     * ~3 s more of CPU (bench/README.md, run-suite, stop 37).
     */
    private static final int HELPERS = Integer.getInteger("b2bforum.it.parallelism", 2) - 1;

    /**
     * Each page loaded afresh (-Db2bforum.accessibility.reload=true) instead of opened from the previous one by
     * the application's own navigation, as its links do.
     */
    private static final boolean RELOAD = Boolean.getBoolean("b2bforum.accessibility.reload");

    /**
     * The other workers' Playwrights and Chromiums, if any (the test's own thread is the first worker, in its
     * class's browser), started in the background when the class is initialised (before the test instance asks for
     * the server's Spring context, which the first test class waits for).
     */
    private static final List<CompletableFuture<Chromium.Launched>> WORKER_BROWSERS = Stream
            .generate(Chromium::launchInBackground).limit(WORKERS - 1).toList();

    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /**
     * Vaadin component internals we cannot change from the application, by rule and element. vaadin-select puts
     * {@code aria-required} on its inner value button (role button), where ARIA does not allow it
     * (vaadin/web-components#7337, open); the select itself is labelled and marked required for screen readers.
     */
    private static final Map<String, String> KNOWN = Map.of("aria-allowed-attr", "vaadin-select-value-button");

    /**
     * The fields, buttons and texts whose right edge lies past the window (reflow, WCAG 1.4.10), as
     * "element: right edge px", except inside what scrolls on its own (a grid, the fair's plan).
     */
    private static final String REFLOW = """
            () => [...document.querySelectorAll('vaadin-text-field, vaadin-text-area, vaadin-email-field, \
              vaadin-password-field, vaadin-integer-field, vaadin-number-field, vaadin-select, vaadin-combo-box, \
              vaadin-multi-select-combo-box, vaadin-date-picker, vaadin-time-picker, vaadin-date-time-picker, \
              vaadin-button, vaadin-upload, h1, h2, h3, p')]
              .filter(e => {
                const box = e.getBoundingClientRect();
                if (box.width === 0 || box.right <= window.innerWidth + 1) return false;
                for (let up = e.parentElement; up && up !== document.body; up = up.parentElement) {
                  if (up.localName === 'vaadin-grid' || ['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) {
                    return false;
                  }
                }
                return true;
              })
              .map(e => e.localName + (e.id ? '#' + e.id : '') + ': ' + Math.round(e.getBoundingClientRect().right) + ' px')
            """;

    /**
     * The fields whose label is cut off with an ellipsis (the field narrower than its label and required marker), as
     * "element: label": the user no longer reads what the field asks for.
     */
    private static final String CUT_LABELS = """
            () => [...document.querySelectorAll('label[slot=label]')]
              .filter(label => label.offsetParent && label.parentElement.shadowRoot)
              .filter(label => {
                const part = label.parentElement.shadowRoot.querySelector('[part~=label]');
                return part && part.scrollWidth > part.clientWidth + 1;
              })
              .map(label => (label.parentElement.id ? '#' + label.parentElement.id : label.parentElement.localName)
                + ': ' + label.textContent.trim())
            """;

    /** The selects whose chosen value is cut off (one line narrower than it), as "element: value". */
    private static final String CUT_VALUES = """
            () => [...document.querySelectorAll('vaadin-select vaadin-select-value-button vaadin-select-item')]
              .filter(item => item.offsetParent && item.scrollWidth > item.clientWidth + 1)
              .map(item => (item.closest('vaadin-select').id ? '#' + item.closest('vaadin-select').id : 'vaadin-select')
                + ': ' + item.textContent.trim())
            """;

    /**
     * The grid cells whose text is cut off with an ellipsis, as "grid: text": a company's name, an e-mail or a job
     * title the organizer no longer reads (on a phone a grid may scroll sideways, but its cells are not cut).
     */
    private static final String CUT_CELLS = """
            () => [...document.querySelectorAll('vaadin-grid-cell-content')]
              .filter(cell => cell.offsetParent && cell.innerText.trim() && cell.scrollWidth > cell.clientWidth + 1)
              .map(cell => (cell.closest('vaadin-grid').id ? '#' + cell.closest('vaadin-grid').id : 'vaadin-grid')
                + ': ' + cell.innerText.trim().slice(0, 60))
            """;

    /**
     * The grid columns whose header is not as wide as their cells, as "grid: header": the header then stands over
     * another column's values. A column's width in em does that: the header's smaller font makes its em smaller.
     */
    private static final String MISALIGNED_HEADERS = """
            () => [...document.querySelectorAll('vaadin-grid')].filter(grid => grid.offsetParent).flatMap(grid => {
              const headers = [...grid.shadowRoot.querySelectorAll('thead tr:first-child [part~=header-cell]')];
              const row = [...grid.shadowRoot.querySelectorAll('tbody#items tr')].find(tr => !tr.hidden);
              const cells = row ? [...row.querySelectorAll('[part~=body-cell]')] : [];
              const text = header => header.querySelector('slot').assignedNodes().map(node => node.textContent).join('')
                .trim();
              return headers.filter((header, i) => cells[i] && text(header)
                  && Math.abs(header.getBoundingClientRect().width - cells[i].getBoundingClientRect().width) > 1)
                .map(header => (grid.id ? '#' + grid.id : 'vaadin-grid') + ': ' + text(header));
            })
            """;

    /**
     * The grids wider than their place on a desktop's width, as "grid: content px > shown px": the last columns (a
     * badge's PDF link) are out of sight. Grids of a matrix (column borders: the meeting grid's tables, the schedule's
     * slots) scroll sideways by design.
     */
    private static final String SIDEWAYS = """
            () => [...document.querySelectorAll('vaadin-grid')]
              .filter(grid => grid.offsetParent && !(grid.getAttribute('theme') || '').includes('column-borders'))
              .map(grid => [grid, grid.shadowRoot.querySelector('#table')])
              .filter(([grid, table]) => table && table.scrollWidth > table.clientWidth + 1)
              .map(([grid, table]) => (grid.id ? '#' + grid.id : 'vaadin-grid') + ': ' + table.scrollWidth + ' px > '
                + table.clientWidth + ' px')
            """;

    /**
     * The charts shown narrower than drawn, as "chart: drawn px > shown px": their 7-8 px labels shrink with them (the
     * forum's results at 400 px showed charts drawn 720 px wide at 370, their labels 4 px high).
     */
    private static final String SHRUNK_CHARTS = """
            async () => {
              const charts = [...document.querySelectorAll('img.results-chart')].filter(chart => chart.offsetParent);
              await Promise.all(charts.map(chart => chart.decode().catch(() => null)));
              return charts.filter(chart => chart.naturalWidth > 0 && chart.clientWidth < chart.naturalWidth - 1)
                .map(chart => '#' + chart.id + ': ' + chart.naturalWidth + ' px > ' + chart.clientWidth + ' px');
            }
            """;

    private static final String AXE_SOURCE = "() => {" + AxeBuilder.getAxeScript() + "}";
    private static final ObjectMapper AXE_JSON = new ObjectMapper();
    private static final String AXE_CONTEXT = json(new AxeRunContext());
    private static final String AXE_OPTIONS = json(axeOptions());

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    StaffService staff;

    private String company;
    private String delegate;
    private String staffLogin;
    private long partner;
    private long pending;

    /**
     * The checks no worker has taken yet, longest first: this class's workers take from the front, those in a
     * journey class's browser from the back, so that a journey class that then wants the browser waits for a short
     * check at most (the longest took the journeys' browsers for 10-15 s at the start, the journeys waited).
     */
    private final Deque<Check> queue = new ConcurrentLinkedDeque<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    /** The workers besides the test's own thread, started with the class. */
    private final List<Thread> workers = new ArrayList<>();
    /** The pages analysed by all workers: each check's every page, whichever worker and browser took it. */
    private final AtomicInteger pagesChecked = new AtomicInteger();

    /**
     * The accounts, then the page checks started on the workers besides the test's own thread, so that they
     * check pages while the keyboard check runs on the test's thread (in its class's browser); the test of the
     * pages then checks with them and asserts what all found.
     */
    @BeforeAll
    void accountsAndChecksStarted() {
        DelegateFixture delegates = new DelegateFixture(context);
        BookingFixture booking = delegates.booking();
        try {
            TestCompany a = delegates.approvedCompany("Москва", "Доступ",
                    List.of("Иван Петров|Заместитель генерального директора по внешнеэкономической деятельности"));
            TestCompany b = booking.approvedCompany();
            company = a.loginEmail();
            partner = b.id();
            pending = booking.pendingCompany().id();
            delegate = delegates.delegateAccount(a, a.firstDelegate());
            leadWithLongWords(delegates, booking, a);
            staffLogin = TestData.uniqueEmail("staff");
            booking.asOrganizer(() -> staff.create(staffLogin, "Ольга Контролёр", TestData.COMPANY_PASSWORD));
        } finally {
            TestData.logOut();
        }
        queue.addAll(checks().stream().sorted(Comparator.comparingInt(Check::pages).reversed()).toList());
        startWorkers();
    }

    /**
     * The company exhibits at the fair and has a lead whose name, company and note are long: the leads page must show
     * them whole on the stand's phone.
     */
    private void leadWithLongWords(DelegateFixture delegates, BookingFixture booking, TestCompany exhibitor) {
        new FairFixture(context).standFor(exhibitor);
        TestCompany visitor = delegates.approvedCompany(Country.BY, "Минск", "Гродненский комбинат стройматериалов",
                List.of("Константинопольская-Христорождественская Александра|Начальник отдела закупок"));
        context.getBean(JdbcTemplate.class).update("update delegate set lead_consent = true where id = ?",
                visitor.firstDelegate());
        String token = new VenueFixture(context).badgeToken(visitor.firstDelegate());
        LeadService leads = context.getBean(LeadService.class);
        booking.as(exhibitor, () -> leads.saveNote(leads.scan(token).lead().id(),
                "Нужен каталог дорожно-строительной техники и коммерческое предложение до первого октября"));
    }

    private List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (String language : List.of("ru", "en")) {
            boolean russian = "ru".equals(language);
            checks.add(new Check(language, null, null, List.of("login", "register", "forgot-password"), List.of()));
            checks.add(new Check(language, company, TestData.COMPANY_PASSWORD,
                    List.of("partners", "directory", "companies/" + partner, "meetings/new?with=" + partner,
                            "meetings", "agenda", "wishes", "my-profile", "delegates", "notifications", "fair",
                            "fair/leads", "fair/my-products"),
                    russian ? List.of("partners", "agenda", "my-profile") : List.of("fair/leads")));
            checks.add(new Check(language, delegate, DelegateFixture.DELEGATE_PASSWORD,
                    List.of("my-badge", "company-agenda"), russian ? List.of() : List.of("my-badge")));
            checks.add(new Check(language, staffLogin, TestData.COMPANY_PASSWORD, List.of("venue", "check-in"), List.of()));
            checks.add(new Check(language, TestData.ORGANIZER_EMAIL, TestData.ORGANIZER_PASSWORD,
                    List.of("registrations", "program", "schedule", "meeting-grid", "badges", "figures", "accounts",
                            "logins", "staff", "fair/setup"),
                    russian ? List.of("program", "meeting-grid", "accounts", "logins", "registrations/" + pending,
                            "figures", "badges", "staff")
                            : List.of("badges", "staff")));
        }
        return checks;
    }

    @Test
    void every_roles_main_pages_have_no_serious_violations_in_russian_and_english() throws InterruptedException {
        assertThat(checkedWithTheWorkers())
                .as("serious or critical WCAG 2.2 AA violations, reflow on a phone, text cut off, headers astray")
                .isEmpty();
        assertThat(pagesChecked).as("pages analysed").hasValue(checks().stream().mapToInt(Check::pages).sum());
    }

    /**
     * One user's pages in one language, in a browser context of their own: first on a desktop's width, then those
     * of {@code phonePaths} on a phone's ({@link #PHONE}), the window narrowed in the same document and each page
     * opened again by the router, so that its view is attached and laid out at the phone's width. A check of
     * its own for the phone cost a browser context, a log-in, a fresh page load and axe put into the page again.
     */
    private record Check(String language, String login, String password, List<String> paths,
            List<String> phonePaths) {

        int pages() {
            return paths.size() + phonePaths.size();
        }
    }

    /** The desktop's width and the phone's, in CSS pixels, and the window's height. */
    private static final int DESKTOP = 1280;
    private static final int PHONE = 400;
    /**
     * The pages whose grids leave columns out on a phone (PhoneColumns) and so do not scroll sideways there either: at
     * 390 px the badges' role and PDF and the staff's switch were off the screen (ux86).
     */
    private static final java.util.Set<String> FIT_A_PHONE = java.util.Set.of("badges", "staff");
    private static final int HEIGHT = 900;

    /**
     * The checks, longest first, shared by threads each in a Playwright and a Chromium of its own at a time
     * (Playwright is not thread-safe): one after another they took three minutes, most of it a page load and axe's
     * analysis at a time, leaving the second core and the server idle. The test's own thread is one of them, in the
     * browser of this class (BrowserJourney's), which it holds anyway, beside {@link #WORKERS} - 1 more and
     * {@link #HELPERS} threads that check in the journey classes' browsers whenever those are idle. All but the
     * test's own start with the class (daemons: a run of the keyboard check alone does not wait for them), so that
     * they check pages while the keyboard check runs.
     */
    private void startWorkers() {
        for (int i = 1; i < WORKERS; i++) {
            CompletableFuture<Chromium.Launched> launched = WORKER_BROWSERS.get(i - 1);
            workers.add(Thread.ofPlatform().daemon().name("accessibility-" + i).start(() -> {
                try (Chromium.Launched own = launched.join()) {
                    checkFromQueue(own.browser());
                } catch (Throwable e) {
                    queue.clear();
                    failures.add(e);
                }
            }));
        }
        for (int i = 0; i < HELPERS; i++) {
            workers.add(Thread.ofPlatform().daemon().name("accessibility-lent-" + i).start(() -> {
                try {
                    while (lendIdle(() -> !queue.isEmpty(), lent -> checkOne(lent, queue.pollLast()))) {
                        // one check in each browser lent, then back for a journey class that may wait for it
                    }
                } catch (Throwable e) {
                    queue.clear();
                    failures.add(e);
                }
            }));
        }
    }

    /** Checks with the workers on the test's own thread until none is left, then what all of them found. */
    private List<String> checkedWithTheWorkers() throws InterruptedException {
        checkFromQueue(browser);
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("accessibility check failed", failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
        return violations;
    }

    /** Takes checks from the queue until it is empty; on a failure empties it, so that the others stop too. */
    private void checkFromQueue(Browser browser) {
        while (checkOne(browser, queue.pollFirst())) {
            // the next
        }
    }

    /** Makes the check taken from the queue, if any; on a failure empties the queue. */
    private boolean checkOne(Browser browser, Check check) {
        if (check == null) {
            return false;
        }
        try {
            violations.addAll(check(browser, check));
            return true;
        } catch (Throwable e) {
            queue.clear();
            failures.add(e);
            return false;
        }
    }

    @Test
    void the_keyboard_skips_to_the_content_and_lands_on_the_new_pages_heading_with_component_texts_in_russian() {
        try (BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions().setLocale("ru-RU")
                .setViewportSize(1280, 900))) {
            Page page = browserContext.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate(url("login"), new Page.NavigateOptions().setTimeout(120_000));
            Chromium.settle(page);
            assertThat(page.locator("#vaadinLoginPassword [slot=reveal]").getAttribute("aria-label"))
                    .isEqualTo("Показать пароль");
            // on the log-in page just loaded (loading it again cost a fresh page load)
            logIn(page, company, TestData.COMPANY_PASSWORD);
            assertThat(page.locator("vaadin-drawer-toggle").getAttribute("aria-label"))
                    .isEqualTo("Показать или скрыть меню");

            slowAnswerIsAnnounced(page, "Сервис отвечает медленно. Подождите: страница скажет, чем всё закончилось.");

            page.keyboard().press("Tab");
            assertThat(focused(page)).isEqualTo("skip-to-content");
            page.keyboard().press("Enter");
            page.waitForFunction("() => document.activeElement && document.activeElement.tagName === 'H1'");
            assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo("Рекомендуемые партнёры");

            page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Каталог компаний")).first().click();
            page.waitForURL(Pattern.compile(".*/directory([?#].*)?$"));
            Chromium.settle(page);
            page.waitForFunction("() => document.activeElement && document.activeElement.tagName === 'H1'");
            assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo("Каталог компаний");
            assertThat(page.locator("#directory-results").getAttribute("aria-describedby")).isEqualTo("directory-keys");

            // A search puts it in the address: the same page, so the focus stays in the field.
            page.locator("#directory-search input").fill("завод");
            page.locator("#directory-search input").press("Enter");
            page.waitForURL(Pattern.compile(".*/directory\\?.*q=.*"));
            Chromium.settle(page);
            assertThat(page.evaluate("() => document.activeElement.closest('#directory-search') !== null"))
                    .isEqualTo(true);
        }
    }

    /**
     * A click waiting 5 s (the loading bar's third stage, as Vaadin's connection indicator draws it) puts the slow
     * answer's words into a status element, which a screen reader announces; they go when the bar hides (ux70: they
     * were the body's CSS {@code ::after}, which no screen reader announces).
     */
    private static void slowAnswerIsAnnounced(Page page, String words) {
        assertThat(page.evaluate("() => document.getElementById('slow-answer-status').textContent")).isEqualTo("");
        String bar = "document.querySelector('vaadin-connection-indicator .v-loading-indicator')";
        page.evaluate("() => { const bar = " + bar + "; bar.classList.add('third'); bar.style.display = 'block'; }");
        page.waitForFunction("() => document.getElementById('slow-answer-status').textContent !== ''");
        // what an assistive technology gets: a status with the words (quoted by the snapshot for their colon)
        assertThat(page.locator("#slow-answer-status").ariaSnapshot()).isEqualTo("- status: \"" + words + "\"");
        page.evaluate("() => { const bar = " + bar + "; bar.classList.remove('third'); bar.style.display = 'none'; }");
        page.waitForFunction("() => document.getElementById('slow-answer-status').textContent === ''");
    }

    /**
     * Every node of every violation, one node of passes and incomplete checks (their full lists were most of
     * the results' size, each node with its selector), with axe run in the page itself (legacy mode: the pages
     * have no frames; the default finishes every run in a new browser context with axe loaded again): 0.4 s of
     * Chromium's CPU a page against 2.2 s.
     */
    private static AxeRunOptions axeOptions() {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        AxeRunOnlyOptions wcag22aa = new AxeRunOnlyOptions();
        wcag22aa.setType("tag");
        wcag22aa.setValues(WCAG_22_AA);
        options.setRunOnly(wcag22aa);
        return options;
    }

    /** As AxeBuilder writes its context and options for axe: JSON without the unset fields. */
    private static String json(Object value) {
        try {
            return new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * axe's analysis of the page as {@code new AxeBuilder(page).options(axeOptions()).withTags(WCAG_22_AA)
     * .setLegacyMode(true).analyze()} runs it (the same source, context, options and call), with axe put into
     * the document once instead of before every analysis: the pages after a check's first are opened by the
     * application's router in the same document, and AxeBuilder sent its 550 KB of source through Playwright
     * and compiled it again for each of them.
     */
    private static AxeResults analyze(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object' && typeof axe.run === 'function'"))) {
            page.evaluate(AXE_SOURCE);
        }
        Object results = page.evaluate("([axeContext, axeOptions]) => {const context = JSON.parse(axeContext);"
                + "const options = JSON.parse(axeOptions);"
                + "return axe.run(context, options).then(res => JSON.parse(JSON.stringify(res)));}",
                List.of(AXE_CONTEXT, AXE_OPTIONS));
        return AXE_JSON.convertValue(results, AxeResults.class);
    }

    private static String focused(Page page) {
        return String.valueOf(page.evaluate("() => document.activeElement && document.activeElement.id"));
    }

    private List<String> check(Browser browser, Check check) {
        String language = check.language();
        String login = check.login();
        List<String> found = new ArrayList<>();
        String at = "the log-in";
        int width = DESKTOP;
        try (BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions()
                .setLocale("ru".equals(language) ? "ru-RU" : "en-GB").setViewportSize(DESKTOP, HEIGHT))) {
            browserContext.addCookies(List.of(new com.microsoft.playwright.options.Cookie("b2bforum-lang", language)
                    .setDomain("localhost").setPath("/")));
            Page page = browserContext.newPage();
            page.setDefaultTimeout(60_000);
            if (login != null) {
                logInOverHttp(browserContext, port, login, check.password(), language);
            }
            boolean inApp = false;
            List<String> paths = new ArrayList<>(check.paths());
            paths.addAll(check.phonePaths());
            for (int i = 0; i < paths.size(); i++) {
                String path = paths.get(i);
                if (i == check.paths().size()) {
                    width = PHONE;
                    page.setViewportSize(PHONE, HEIGHT);
                    // the app layout turns its drawer into an overlay at the resize's event, a frame or more later:
                    // on a busy machine main measured a phone page once still in the desktop's layout (the navbar's
                    // buttons at 422-601 px, "reflow"); a layout that never turns fails here
                    page.waitForFunction("() => { const layout = document.querySelector('vaadin-app-layout');"
                            + " return !layout || layout.hasAttribute('overlay'); }");
                }
                at = "/" + path + " at " + width + " px";
                if (RELOAD || !inApp) {
                    page.navigate(url(path), new Page.NavigateOptions().setTimeout(120_000));
                } else {
                    // as the application's links do (the router): a fresh load runs the whole bundle again
                    Chromium.open(page, path);
                }
                inApp = true;
                Chromium.settle(page);
                // Vaadin sets the title after the view is attached; on a busy machine that can trail the last request.
                page.waitForFunction("() => document.title !== ''", null,
                        new Page.WaitForFunctionOptions().setTimeout(15_000));
                assertThat(page.locator("html").getAttribute("lang")).as("language of " + path).isEqualTo(language);
                if (width <= PHONE) {
                    assertThat(page.evaluate("() => window.innerWidth")).as("the phone's width").isEqualTo(PHONE);
                    for (Object past : (List<?>) page.evaluate(REFLOW)) {
                        found.add(language + " " + width + "px /" + path + ": reflow (WCAG 1.4.10) past the "
                                + width + " px page → " + past);
                    }
                }
                if (width == DESKTOP || width <= PHONE && FIT_A_PHONE.contains(path)) {
                    for (Object wide : (List<?>) page.evaluate(SIDEWAYS)) {
                        found.add(language + " " + width + "px /" + path + ": a grid scrolls sideways → " + wide);
                    }
                }
                for (Object shrunk : (List<?>) page.evaluate(SHRUNK_CHARTS)) {
                    found.add(language + " " + width + "px /" + path + ": a chart shown smaller than drawn → " + shrunk);
                }
                for (Object cut : (List<?>) page.evaluate(CUT_CELLS)) {
                    found.add(language + " " + width + "px /" + path + ": a grid cell's text cut off → " + cut);
                }
                for (Object header : (List<?>) page.evaluate(MISALIGNED_HEADERS)) {
                    found.add(language + " " + width + "px /" + path + ": a grid's header not over its column → "
                            + header);
                }
                for (Object cut : (List<?>) page.evaluate(CUT_LABELS)) {
                    found.add(language + " " + width + "px /" + path + ": a field's label cut off → " + cut);
                }
                for (Object cut : (List<?>) page.evaluate(CUT_VALUES)) {
                    found.add(language + " " + width + "px /" + path + ": a select's value cut off → " + cut);
                }
                AxeResults results = analyze(page);
                assertThat(results.getTestEngine().getName()).as("axe's analysis of " + path).isEqualTo("axe-core");
                pagesChecked.incrementAndGet();
                for (Rule rule : results.getViolations()) {
                    List<String> nodes = rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf)
                            .filter(target -> !target.contains(KNOWN.getOrDefault(rule.getId(), "\u0000")))
                            .toList();
                    if (!Set.of("serious", "critical").contains(rule.getImpact()) || nodes.isEmpty()) {
                        continue;
                    }
                    found.add(language + " " + width + "px /" + path + ": " + rule.getId() + " (" + rule.getImpact()
                            + ", " + nodes.size() + "×) " + rule.getHelp() + " → "
                            + nodes.stream().limit(5).collect(Collectors.joining("; ")));
                }
            }
        } catch (RuntimeException e) {
            throw new AssertionError("accessibility check of " + check.paths() + " and on a phone "
                    + check.phonePaths() + " as " + login + " in " + language + " failed at " + at, e);
        }
        found.forEach(System.err::println);
        return found;
    }

    /** Logs in through the form of the log-in page the browser shows. */
    private void logIn(Page page, String email, String password) {
        page.locator("#vaadinLoginUsername input").fill(email);
        page.locator("#vaadinLoginPassword input").fill(password);
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForURL(Pattern.compile("^(?!.*/login).*$"));
        Chromium.settle(page);
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    static Path screenshots() {
        return Path.of("target", "playwright");
    }
}
