package org.b2bforum.bench;

import static org.b2bforum.bench.BenchApplication.millisSince;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.b2bforum.bench.BookingContentionBenchmark.Samples;

/**
 * The load of {@code bench/run-ui-load} on a running application (the production jar on the forum of
 * {@link UiLoadForum}): users, each a company's representative in one browser tab speaking Vaadin's
 * protocol ({@link UidlClient}), log in, land on the suggested partners, open the directory and
 * search, open a company's profile, and go back to the directory and search again, where they stay
 * (or, {@code -Dui-load.rest=form}, press "Request a meeting", choose a slot and stay there). They
 * come in four equal steps; after each step the heap after a full GC is read with {@code jcmd}, and
 * the heap per session is the least-squares slope over the steps. Then each opens its partner's request
 * form and chooses a slot, and the rush: all users press "Send" at the same moment, and each opens the directory from the
 * menu and searches anew as soon as its answer is there ({@code -Dui-load.rush=send-and-search}, the script's default) or
 * goes back to its search's results by the form's link ({@code -Dui-load.rush=send-and-back}).
 * Arguments: base URL, the application's pid, the number of users (default 200).
 * The last line of standard output is
 * {@code RESULT sessions=<n> heap_per_session_kb=<x> search_p95_ms=<x> request_p95_ms=<x> errors=<n>}.
 */
public final class UiLoadBenchmark {

    static final int WARM_UP_USERS = 10;
    /**
     * Where the users stay while the heap is measured: the directory's search results (default: the
     * heaviest page a user leaves open) or, with {@code -Dui-load.rest=form}, the meeting request form.
     */
    static final boolean REST_ON_DIRECTORY = !"form".equals(System.getProperty("ui-load.rest"));
    /**
     * What the rush measures: each user presses "Send" and then opens the directory from the menu and searches anew
     * ({@code -Dui-load.rush=send-and-search}, bench/run-ui-load's default, so that the search figure stays a search's);
     * with {@code -Dui-load.rush=send-and-back} it goes back to the directory's results it came from by the link under
     * the outcome (stop 39: the directory with the user's search, its results in the answer; that page's time is then
     * the search figure); with {@code -Dui-load.rush=send}, presses "Send" only: the cost of the click alone, to tell it
     * from the pages around it.
     */
    static final boolean SEND_ONLY = "send".equals(System.getProperty("ui-load.rush"));
    static final boolean SEARCH_AFTER_SEND = "send-and-search".equals(System.getProperty("ui-load.rush"));
    /**
     * With {@code -Dui-load.rush=noop} the rush is, instead of "Send", a UIDL request that changes nothing (no RPC:
     * through Tomcat, the security filters, the session check, Vaadin's request cycle and its answer, and the client):
     * the floor under any click of the rush on this machine.
     */
    static final boolean NOOP = "noop".equals(System.getProperty("ui-load.rush"));
    /**
     * Seconds the users wait on their forms before the rush ({@code -Dui-load.settle}, default 0: the rush follows the
     * last form's preparation at once, as in every run before stop 34). Users wait for the window to open; meanwhile the
     * application finishes compiling what the journeys made hot. The CPU the processes burn in that wait is printed per
     * second, to tell the rush's own CPU from what goes on beside it.
     */
    static final int SETTLE_SECONDS = Integer.getInteger("ui-load.settle", 0);
    /**
     * With {@code -Dui-load.connections=open} every user's tab sends a heartbeat, all at the same moment, right before the
     * rush, so that each comes to the rush on a connection already open (a tab whose connection the server keeps alive
     * between its heartbeats); by default the rush opens most of its connections anew (the journeys ran 8 at a time, so
     * the client's pool holds a few), as tabs whose idle connection the server closed.
     */
    static final boolean OPEN_CONNECTIONS = "open".equals(System.getProperty("ui-load.connections"));
    /**
     * With {@code -Dui-load.sample-threads=true} the application's threads are read every 20 ms during the rush, so that
     * the threads that end before its end are named with the CPU they were last seen with (costs some CPU of its own).
     */
    static final boolean SAMPLE_THREADS = Boolean.getBoolean("ui-load.sample-threads");
    /**
     * With {@code -Dui-load.warm-bookings=K} each warm-up user books K meetings more through the request form (its
     * partners the forum's last companies, none of them logged in, one meeting each), before the steps: the booking path
     * run {@code K x} {@value #WARM_UP_USERS} times before the rush, to measure what a booking path compiled before the
     * window opens would save the rush (issue 17, stop 53). Default 0: the warm-up's 10 bookings only, as before.
     */
    static final int WARM_BOOKINGS = Integer.getInteger("ui-load.warm-bookings", 0);
    static final int STEPS = 4;
    static final int PARALLEL_JOURNEYS = 8;
    static final int POPULAR = 20;
    static final String[] SEARCHES = {"дорожной техники", "логистика", "упаковка", "мебель", "Минск",
            "программного обеспечения", "продукты питания", "электротехника", "сервис", "оборудование"};

    private final PrintStream out;
    private final String base;
    private final AppHeap app;
    private final DatabaseStatements statements;
    /** The rush's statements by their text, the live-update poller's apart ({@code -Dui-load.statement-log=false}: not). */
    private final StatementLog statementLog;
    private final ProcessCpu cpu;
    private final int users;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final Samples pages = new Samples();
    private final Samples searches = new Samples();
    private final Samples rushSearches = new Samples();
    private final Samples rushPages = new Samples();
    private final Samples requests = new Samples();
    private final AtomicInteger errors = new AtomicInteger();
    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Integer> warmOutcomes = new ConcurrentHashMap<>();
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

    private UiLoadBenchmark(PrintStream out, String base, long pid, int users) {
        this.out = out;
        this.base = base;
        this.app = new AppHeap(pid);
        this.cpu = new ProcessCpu(pid);
        int dbPort = Integer.getInteger("ui-load.db-port", URI.create(base).getPort() + 1);
        this.statements = new DatabaseStatements(dbPort);
        this.statementLog = Boolean.parseBoolean(System.getProperty("ui-load.statement-log", "true"))
                ? new StatementLog(dbPort, java.nio.file.Path.of("target/ui-load/rush-statements.log")) : null;
        this.users = users;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        System.setOut(System.err);
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        new UiLoadBenchmark(out, args[0], Long.parseLong(args[1]), users).run();
        System.exit(0);
    }

    /** One user's tab, its partner and the tab's state between the phases. */
    private final class User {
        final long company;
        final long partner;
        final String search;
        final Random random;
        UidlClient tab;
        boolean ready;

        User(long company, Random random) {
            this.company = company;
            this.random = random;
            // 30% ask one of a few popular companies, as at the forum; the others any company without a log-in in use
            this.partner = random.nextInt(100) < 30 ? 1 + users + WARM_UP_USERS + random.nextInt(POPULAR)
                    : 1 + users + WARM_UP_USERS + random.nextInt(UiLoadForum.COMPANIES - users - WARM_UP_USERS);
            this.search = SEARCHES[random.nextInt(SEARCHES.length)];
        }

        /** Log-in, suggested partners, directory with a search, a profile, the request form with a slot chosen. */
        void journey() {
            tab = new UidlClient(http, base);
            List<String> login = UiLoadForum.companyLogin(company);
            tab.logIn(login.get(0), login.get(1));
            long t = System.nanoTime();
            tab.open("");
            pages.add(System.nanoTime() - t);
            tab.confirmUpdates();
            t = System.nanoTime();
            tab.navigate("directory", "", "client");
            pages.add(System.nanoTime() - t);
            tab.confirmUpdates();
            searches.add(search(search));
            t = System.nanoTime();
            tab.navigate("companies/" + partner, "", "link");
            pages.add(System.nanoTime() - t);
            if (REST_ON_DIRECTORY) {
                tab.navigate("directory", "", "client");
                tab.confirmUpdates();
                searches.add(search(search));
                ready = true;
            } else {
                prepareRequest();
            }
        }

        /** "Request a meeting" on the partner's profile, and a free slot chosen on the form. */
        void prepareRequest() {
            if (REST_ON_DIRECTORY) {
                tab.navigate("companies/" + partner, "", "link");
            }
            long t = System.nanoTime();
            tab.click(tab.require("request-meeting-" + partner));
            pages.add(System.nanoTime() - t);
            List<UidlClient.Node> slots = tab.descendants(tab.require("request-slot"), "vaadin-select-item");
            if (slots.isEmpty()) {
                throw new UidlClient.ProtocolException("no free slot offered with company " + partner);
            }
            UidlClient.Node slot = slots.get(random.nextInt(Math.min(8, slots.size())));
            tab.setValue(tab.require("request-slot"), slot.property("value"), "value-changed");
            tab.require("request-submit");
            ready = true;
        }

        /** A meeting with {@code other} booked through its profile and the request form, in its first free time. */
        void book(long other) {
            tab.navigate("companies/" + other, "", "link");
            tab.click(tab.require("request-meeting-" + other));
            List<UidlClient.Node> slots = tab.descendants(tab.require("request-slot"), "vaadin-select-item");
            if (slots.isEmpty()) {
                throw new UidlClient.ProtocolException("no free slot offered with company " + other);
            }
            tab.setValue(tab.require("request-slot"), slots.getFirst().property("value"), "value-changed");
            tab.click(tab.require("request-submit"));
            warmOutcomes.merge(outcome(), 1, Integer::sum);
        }

        long search(String words) {
            UidlClient.Node field = tab.require("directory-search");
            long t = System.nanoTime();
            tab.setValue(field, words, "change");
            long took = System.nanoTime() - t;
            if (tab.navigatedTo() == null || !tab.navigatedTo().startsWith("directory?q=")) {
                throw new UidlClient.ProtocolException("the search did not update the page: " + tab.navigatedTo());
            }
            tab.confirmUpdates();
            return took;
        }

        /**
         * "Send" on the request form, answered on the form itself: the outcome above the button
         * ({@code data-outcome} sent, confirmed or refused), counted under that word: the forum books instantly
         * ({@link UiLoadForum}), so every accepted "Send" should be "confirmed", and a "sent" (a request waiting for
         * the partner) says the forum was not in instant booking. Until stop 46 both counted as "requested" (review64).
         * An older jar moved to the meetings page instead ("moved to meetings", confirmed or not) or showed the
         * refusal on the form; both are read, so before and after compare.
         */
        void request() {
            if (NOOP) {
                long t = System.nanoTime();
                tab.nothing();
                requests.add(System.nanoTime() - t);
                outcomes.merge("answered, nothing changed", 1, Integer::sum);
                return;
            }
            long t = System.nanoTime();
            tab.click(tab.require("request-submit"));
            requests.add(System.nanoTime() - t);
            outcomes.merge(outcome(), 1, Integer::sum);
            if (SEND_ONLY) {
                return;
            }
            if (SEARCH_AFTER_SEND) {
                t = System.nanoTime();
                tab.navigate("directory", "", "client");
                rushPages.add(System.nanoTime() - t);
                tab.confirmUpdates();
                rushSearches.add(search(SEARCHES[random.nextInt(SEARCHES.length)]));
                return;
            }
            String[] back = tab.require("request-back-to-directory").attributes.get("href").asString().split("\\?", 2);
            t = System.nanoTime();
            tab.navigate(back[0], back.length > 1 ? back[1] : "", "link");
            long took = System.nanoTime() - t;
            String shown = tab.require("directory-search").property("value");
            if (!search.equals(shown)) {
                throw new UidlClient.ProtocolException("back to the directory without the search: " + shown);
            }
            // the directory with the user's search: its answer carries that search's results, the rush's search
            rushPages.add(took);
            rushSearches.add(took);
            tab.confirmUpdates();
        }

        private String outcome() {
            if ("meetings".equals(tab.navigatedTo())) {
                return "moved to meetings";
            }
            String shown = tab.byId("request-outcome").map(n -> n.attributes.get("data-outcome"))
                    .map(v -> v.asString()).orElse(null);
            if (shown == null) {
                // an older jar: a refusal in words on the form, the page not left
                return "refused on the page";
            }
            return switch (shown) {
                case "sent", "confirmed" -> shown;
                // with the reason's words: which refusals the form answers without reading the free times again
                case "refused" -> "refused on the page: " + tab.byId("request-outcome-text")
                        .map(tab::text).orElse("?");
                default -> throw new UidlClient.ProtocolException("an unknown outcome on the form: " + shown);
            };
        }
    }

    private void run() throws Exception {
        out.printf(Locale.ROOT, "UI load: %d users in %d steps (+%d warm-up) against %s, staying on the %s; load average %s%n",
                users, STEPS, WARM_UP_USERS, base, REST_ON_DIRECTORY ? "directory's results" : "request form", AppHeap.loadAverage());
        Random random = new Random(20261203L);
        List<User> warmUp = new ArrayList<>();
        for (int i = 0; i < WARM_UP_USERS; i++) {
            warmUp.add(new User(users + 1 + i, random));
        }
        long t = System.nanoTime();
        each(warmUp, PARALLEL_JOURNEYS, User::journey);
        if (REST_ON_DIRECTORY) {
            each(warmUp, PARALLEL_JOURNEYS, User::prepareRequest);
        }
        each(warmUp, PARALLEL_JOURNEYS, User::request);
        out.printf(Locale.ROOT, "Warm-up: %d users in %d ms, %d errors%n", WARM_UP_USERS, millisSince(t), errors.get());
        if (WARM_BOOKINGS > 0) {
            t = System.nanoTime();
            for (int k = 0; k < WARM_BOOKINGS; k++) {
                long last = UiLoadForum.COMPANIES - (long) k * WARM_UP_USERS;
                each(warmUp, PARALLEL_JOURNEYS, u -> u.book(last - (u.company - users - 1)));
            }
            out.printf(Locale.ROOT, "Warm bookings: %d through the form in %d ms, outcomes %s, %d errors%n",
                    WARM_BOOKINGS * WARM_UP_USERS, millisSince(t), new TreeMap<>(warmOutcomes), errors.get());
        }
        searches.clear();
        rushSearches.clear();
        rushPages.clear();
        pages.clear();
        requests.clear();
        outcomes.clear();
        errors.set(0);

        List<double[]> heap = new ArrayList<>();
        heap.add(new double[] {0, app.afterGcKb()});
        out.printf(Locale.ROOT, "  %8s %14s %10s%n", "sessions", "heap after GC", "step ms");
        out.printf(Locale.ROOT, "  %8d %11.0f KB%n", 0, heap.getLast()[1]);
        List<User> all = new ArrayList<>();
        for (int step = 1; step <= STEPS; step++) {
            List<User> batch = new ArrayList<>();
            for (int i = all.size(); i < users * step / STEPS; i++) {
                batch.add(new User(i + 1, random));
            }
            t = System.nanoTime();
            each(batch, PARALLEL_JOURNEYS, User::journey);
            all.addAll(batch);
            long stepMs = millisSince(t);
            heap.add(new double[] {all.size(), app.afterGcKb()});
            out.printf(Locale.ROOT, "  %8d %11.0f KB %10d%n", all.size(), heap.getLast()[1], stepMs);
        }
        app.histogram("target/ui-load/histogram-" + users + ".txt", out);
        double perSession = AppHeap.slope(heap.subList(1, heap.size()));

        each(all, PARALLEL_JOURNEYS, u -> u.tab.heartbeat());
        if (REST_ON_DIRECTORY) {
            each(all.stream().filter(u -> u.ready).toList(), PARALLEL_JOURNEYS, User::prepareRequest);
        }
        List<User> ready = all.stream().filter(u -> u.ready).toList();
        if (OPEN_CONNECTIONS) {
            each(ready, ready.size(), u -> u.tab.heartbeat());
            out.printf(Locale.ROOT, "Every tab sent a heartbeat at once: each comes to the rush on an open connection%n");
        }
        if (SETTLE_SECONDS > 0) {
            Map<String, Double> idleFrom = cpu.read();
            Thread.sleep(SETTLE_SECONDS * 1000L);
            Map<String, Double> idleTo = cpu.read();
            out.printf(Locale.ROOT, "The users wait %d s on their forms; CPU meanwhile per second: %s%n", SETTLE_SECONDS,
                    ProcessCpu.perUser(idleFrom, idleTo, SETTLE_SECONDS));
        }
        out.printf(Locale.ROOT, "Rush: %d users press \"Send\" at once%s (%s UTC, load average %s)%n", ready.size(),
                NOOP ? " (a request without effect instead: the floor)"
                        : SEND_ONLY ? ", and nothing after it" : SEARCH_AFTER_SEND
                                ? ", then each opens the directory and searches" : ", then each goes back to its results",
                java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0), AppHeap.loadAverage());
        Map<String, Long> statementsBefore = statements.read();
        boolean logging = statementLog != null && statementLog.start();
        Map<String, Double> cpuBefore = cpu.read();
        Map<String, Double> threadsBefore = cpu.threads();
        Map<String, Double> clientThreadsBefore = cpu.benchmarkThreads();
        long overflowsBefore = TcpListenQueue.overflows();
        Map<String, Double> lastSeen = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = SAMPLE_THREADS ? Thread.ofPlatform().daemon().start(() -> {
            while (sampling.get()) {
                lastSeen.putAll(cpu.threads());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }) : null;
        long requestsBefore = UidlClient.REQUESTS.get();
        long confirmsBefore = UidlClient.CONFIRM_REQUESTS.get();
        t = System.nanoTime();
        each(ready, ready.size(), User::request);
        sampling.set(false);
        if (sampler != null) {
            sampler.join();
        }
        Map<String, Double> cpuAfter = cpu.read();
        Map<String, Double> threadsAfter = cpu.threads();
        Map<String, Double> clientThreadsAfter = cpu.benchmarkThreads();
        if (logging) {
            statementLog.stop();
        }
        out.printf(Locale.ROOT, "  all answered in %d ms (until %s UTC); outcomes %s%n", millisSince(t),
                java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0), new TreeMap<>(outcomes));
        // each user's "Send", the page it leads to, the directory opened and one search, live updates included
        out.printf(Locale.ROOT, "  database statements per user in the rush: %s%n",
                DatabaseStatements.perUser(statementsBefore, statements.read(), ready.size()));
        if (logging) {
            // the poller's statements (select now(3) and the feed's window every 300 ms) are the rush's length, not
            // its clicks': without them the figure compares across rushes of different lengths (stop 46)
            out.printf(Locale.ROOT, "  statements of the general log in the rush: %s%n",
                    statementLog.read().line(ready.size(), 12));
        }
        out.printf(Locale.ROOT, "  HTTP requests per user in the rush: %.2f, of them the grids' confirmUpdate: %.2f%n",
                (UidlClient.REQUESTS.get() - requestsBefore) / (double) ready.size(),
                (UidlClient.CONFIRM_REQUESTS.get() - confirmsBefore) / (double) ready.size());
        out.printf(Locale.ROOT, "  CPU per user in the rush: %s%n", ProcessCpu.perUser(cpuBefore, cpuAfter, ready.size()));
        out.printf(Locale.ROOT, "  of it the live-update poller's thread (its reads of the feed; not the pages' updates"
                + " it hands on): %s%n", ProcessCpu.ofKind(threadsBefore, threadsAfter, "live-updates", ready.size()));
        long overflows = TcpListenQueue.overflows() - overflowsBefore;
        out.printf(Locale.ROOT, "  connections turned away by a full accept queue in the rush (the machine's TCP ListenOverflows;"
                + " each waits ~1 s for the client's next handshake): %s; answers of 1 s or more: %d of %d%n",
                overflowsBefore < 0 ? "not read" : String.valueOf(overflows), requests.countAtLeast(1_000_000_000L),
                requests.size());
        out.printf(Locale.ROOT, "  the application's CPU per user by thread: %s%n", ProcessCpu.byThread(threadsBefore,
                threadsAfter, cpuAfter.get("application") - cpuBefore.get("application"), ready.size(), 8));
        if (SAMPLE_THREADS) {
            Map<String, Double> ended = new java.util.HashMap<>(lastSeen);
            ended.keySet().removeAll(threadsAfter.keySet());
            out.printf(Locale.ROOT, "  threads that ended during the rush (%d; CPU as last seen by a 20 ms sampler): %s%n",
                    ended.size(), ProcessCpu.byThread(threadsBefore, ended, 0, ready.size(), 8));
        }
        out.printf(Locale.ROOT, "  the benchmark's CPU per user by thread: %s%n", ProcessCpu.byThread(clientThreadsBefore,
                clientThreadsAfter, cpuAfter.get("benchmark") - cpuBefore.get("benchmark"), ready.size(), 6));

        out.printf(Locale.ROOT, "  %-26s %7s %8s %8s %8s %8s%n", "click to updated page", "n", "p50 ms", "p95 ms",
                "p99 ms", "max ms");
        out.println(pages.line("pages (journey)"));
        out.println(searches.line("search (journey)"));
        out.println(rushPages.line("pages (rush)"));
        out.println(rushSearches.line("search (rush)"));
        out.println(requests.line("request (rush)"));
        firstErrors.forEach(e -> out.println("  error: " + e));
        out.printf(Locale.ROOT, "Heap per session (slope over the steps): %.0f KB; load average %s%n", perSession,
                AppHeap.loadAverage());
        out.printf(Locale.ROOT, "RESULT sessions=%d heap_per_session_kb=%.0f search_p95_ms=%s request_p95_ms=%s errors=%d%n",
                all.size(), perSession, BookingContentionBenchmark.ms(Math.max(searches.percentile(95),
                        rushSearches.percentile(95))), BookingContentionBenchmark.ms(requests.percentile(95)),
                errors.get());
    }

    /** Runs {@code action} for every user, at most {@code parallel} at once; a failure counts as an error. */
    private void each(List<User> list, int parallel, Consumer<User> action)
            throws InterruptedException {
        BenchUsers.each(list, parallel, action, (user, e) -> {
            errors.incrementAndGet();
            user.ready = false;
            if (firstErrors.size() < 8) {
                firstErrors.add("company " + user.company + ": " + e);
            }
        });
    }

}
