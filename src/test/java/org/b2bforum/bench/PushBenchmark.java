package org.b2bforum.bench;

import static org.b2bforum.bench.BenchApplication.millisSince;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.b2bforum.bench.BookingContentionBenchmark.Samples;

/**
 * The load of {@code bench/run-push} on a running application (the production jar on the forum of
 * {@link UiLoadForum}). Receivers, each a company's representative in one browser tab speaking
 * Vaadin's protocol ({@link UidlClient}) with its push connection (WebSocket) open, rest on
 * "Messages" with the conversation of their sender open; they come in four equal steps, with the heap
 * after a full GC read after each, and the heap per session is the least-squares slope. Then
 * {@value #SENDERS} sender tabs (other companies, logged in before the heap was first read) write one
 * message to each receiver, one every {@value #SEND_EVERY_MS} ms each (the application allows
 * {@value #PER_MINUTE} a minute per log-in), the way a user does: the conversation opened, the text typed,
 * "Send" pressed. A message is delivered when a push to the receiver's tab puts its text into the
 * page's state tree; delivery time runs from the moment "Send" is pressed. A message not shown within
 * {@value #DELIVERY_TIMEOUT_S} s, or that could not be sent, is lost. Every tab sends Vaadin's heartbeat every
 * minute, as browsers do.
 * Arguments: base URL, the application's pid, the number of receivers (default 200).
 * The last line of standard output is
 * {@code RESULT sessions=<n> delivered=<n> lost=<n> p95_delivery_ms=<x> heap_per_session_kb=<x>}.
 */
public final class PushBenchmark {

    static final int SENDERS = 20;
    static final int PER_MINUTE = 10;
    static final int SEND_EVERY_MS = 2_000;
    static final int WARM_UP = 10;
    static final int STEPS = 4;
    static final int PARALLEL_JOURNEYS = 8;
    static final int DELIVERY_TIMEOUT_S = 30;

    private final PrintStream out;
    private final String base;
    private final AppHeap app;
    private final int receivers;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final Samples deliveries = new Samples();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

    private PushBenchmark(PrintStream out, String base, long pid, int receivers) {
        this.out = out;
        this.base = base;
        this.app = new AppHeap(pid);
        this.receivers = receivers;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        System.setOut(System.err);
        int receivers = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        new PushBenchmark(out, args[0], Long.parseLong(args[1]), receivers).run();
        System.exit(0);
    }

    /** A company's tab on "Messages" with the conversation of its sender open, and the messages it awaits. */
    private final class Receiver {
        final long company;
        final long sender;
        /** Text of each message on its way here, with when "Send" was pressed (nanos). */
        final Map<String, Long> awaited = new ConcurrentHashMap<>();
        UidlClient tab;

        Receiver(long company, long sender) {
            this.company = company;
            this.sender = sender;
        }

        void open() {
            tab = new UidlClient(http, base);
            List<String> login = UiLoadForum.companyLogin(company);
            tab.logIn(login.get(0), login.get(1));
            tab.open("messages/" + sender);
            tab.confirmUpdates();
            tab.openPush(this::pushed);
        }

        /** On the push connection's thread: which awaited messages the page shows now. */
        void pushed() {
            long now = System.nanoTime();
            awaited.entrySet().removeIf(entry -> {
                if (tab.showsText(entry.getKey())) {
                    deliveries.add(now - entry.getValue());
                    delivered.incrementAndGet();
                    return true;
                }
                return false;
            });
        }
    }

    /** A company's tab that writes to its receivers in turn. */
    private final class Sender {
        final long company;
        final List<Receiver> to = new ArrayList<>();
        UidlClient tab;

        Sender(long company) {
            this.company = company;
        }

        void logIn() {
            tab = new UidlClient(http, base);
            List<String> login = UiLoadForum.companyLogin(company);
            tab.logIn(login.get(0), login.get(1));
            tab.open("messages");
        }

        void write(Receiver receiver, String text) {
            tab.navigate("messages/" + receiver.company, "", "link");
            UidlClient.Node field = tab.require("message-text");
            tab.setValue(field, text, "change");
            receiver.awaited.put(text, System.nanoTime());
            tab.click(tab.require("send-message"));
            UidlClient.Node after = tab.require("message-text");
            if ("true".equals(after.property("invalid"))) {
                receiver.awaited.remove(text);
                throw new UidlClient.ProtocolException("message refused: " + after.property("errorMessage"));
            }
            sent.incrementAndGet();
        }

        /** One message to each receiver, one every {@value #SEND_EVERY_MS} ms. */
        void writeAll(String round) {
            for (Receiver receiver : to) {
                long started = System.nanoTime();
                try {
                    write(receiver, "Проверка доставки " + round + "-" + company + "-" + receiver.company);
                } catch (RuntimeException e) {
                    failed("sender " + company, e);
                }
                sleepUntil(started + TimeUnit.MILLISECONDS.toNanos(SEND_EVERY_MS));
            }
        }
    }

    private void run() throws Exception {
        out.printf(Locale.ROOT, "Push: %d receivers in %d steps, %d senders, against %s; load average %s%n", receivers,
                STEPS, SENDERS, base, AppHeap.loadAverage());
        // companies 1..receivers receive; the next SENDERS send; then a warm-up pair of each
        List<Sender> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            senders.add(new Sender(receivers + 1 + s));
        }
        List<Receiver> all = new ArrayList<>();
        for (int r = 0; r < receivers; r++) {
            Receiver receiver = new Receiver(r + 1, senders.get(r % SENDERS).company);
            senders.get(r % SENDERS).to.add(receiver);
            all.add(receiver);
        }
        if (receivers > SENDERS * PER_MINUTE) {
            throw new IllegalArgumentException("at most " + SENDERS * PER_MINUTE + " receivers (the per-minute limit)");
        }
        // every tab sends Vaadin's heartbeat each minute, as a browser does: without it the application
        // drops a tab after three missed ones, and the senders wait that long while the receivers come
        List<UidlClient> tabs = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(2);
        heartbeats.scheduleWithFixedDelay(() -> List.copyOf(tabs).forEach(tab -> {
            try {
                tab.heartbeat();
            } catch (RuntimeException e) {
                failed("heartbeat", e);
            }
        }), 60, 60, TimeUnit.SECONDS);
        long t = System.nanoTime();
        BenchUsers.each(senders, PARALLEL_JOURNEYS, s -> {
            s.logIn();
            tabs.add(s.tab);
        }, (s, e) -> failed("sender " + s.company, e));
        Sender warmUpSender = new Sender(receivers + SENDERS + 1);
        warmUpSender.logIn();
        tabs.add(warmUpSender.tab);
        List<Receiver> warmUp = new ArrayList<>();
        for (int i = 0; i < WARM_UP; i++) {
            Receiver receiver = new Receiver(receivers + SENDERS + 2 + i, warmUpSender.company);
            warmUpSender.to.add(receiver);
            warmUp.add(receiver);
        }
        BenchUsers.each(warmUp, PARALLEL_JOURNEYS, Receiver::open, (r, e) -> failed("warm-up " + r.company, e));
        warmUpSender.writeAll("w");
        awaitDeliveries(warmUp);
        out.printf(Locale.ROOT, "Warm-up: %d senders and %d receivers in %d ms; %d of %d delivered, %d errors%n",
                SENDERS + 1, WARM_UP, millisSince(t), delivered.get(), sent.get(), errors.get());
        warmUp.forEach(r -> r.tab.closePush());
        deliveries.clear();
        delivered.set(0);
        sent.set(0);
        errors.set(0);
        firstErrors.clear();

        List<double[]> heap = new ArrayList<>();
        heap.add(new double[] {0, app.afterGcKb()});
        out.printf(Locale.ROOT, "  %8s %14s %10s%n", "sessions", "heap after GC", "step ms");
        out.printf(Locale.ROOT, "  %8d %11.0f KB%n", 0, heap.getLast()[1]);
        List<Receiver> open = Collections.synchronizedList(new ArrayList<>());
        for (int step = 1; step <= STEPS; step++) {
            List<Receiver> batch = all.subList(receivers * (step - 1) / STEPS, receivers * step / STEPS);
            t = System.nanoTime();
            BenchUsers.each(batch, PARALLEL_JOURNEYS, r -> {
                r.open();
                open.add(r);
                tabs.add(r.tab);
            }, (r, e) -> failed("receiver " + r.company, e));
            long stepMs = millisSince(t);
            heap.add(new double[] {open.size(), app.afterGcKb()});
            out.printf(Locale.ROOT, "  %8d %11.0f KB %10d%n", open.size(), heap.getLast()[1], stepMs);
        }
        double perSession = AppHeap.slope(heap.subList(1, heap.size()));
        long connected = open.stream().filter(r -> r.tab.pushOpen()).count();

        out.printf(Locale.ROOT, "Messages: %d senders write to %d receivers (%d with push open), one message every %d ms"
                + " each; load average %s%n", SENDERS, open.size(), connected, SEND_EVERY_MS, AppHeap.loadAverage());
        t = System.nanoTime();
        BenchUsers.each(senders, SENDERS, s -> s.writeAll("r"), (s, e) -> failed("sender " + s.company, e));
        long writingMs = millisSince(t);
        awaitDeliveries(all);
        heartbeats.shutdownNow();
        // one message was meant for each receiver: one that could not be sent is lost too
        int lost = all.size() - delivered.get();
        out.printf(Locale.ROOT, "  %d sent in %d ms, %d delivered, %d lost (not sent, or not shown within %d s)%n",
                sent.get(), writingMs, delivered.get(), lost, DELIVERY_TIMEOUT_S);
        out.printf(Locale.ROOT, "  %-22s %7s %8s %8s %8s %8s%n", "send to shown", "n", "p50 ms", "p95 ms", "p99 ms",
                "max ms");
        out.println(deliveries.line("delivery"));
        firstErrors.forEach(e -> out.println("  error: " + e));
        out.printf(Locale.ROOT, "Heap per session (slope over the steps): %.0f KB; %d errors; load average %s%n",
                perSession, errors.get(), AppHeap.loadAverage());
        all.forEach(r -> {
            if (r.tab != null) {
                r.tab.closePush();
            }
        });
        out.printf(Locale.ROOT, "RESULT sessions=%d delivered=%d lost=%d p95_delivery_ms=%s heap_per_session_kb=%.0f%n",
                connected, delivered.get(), lost, BookingContentionBenchmark.ms(deliveries.percentile(95)), perSession);
    }

    /** Waits until every awaited message is shown, or {@value #DELIVERY_TIMEOUT_S} s after the last was sent. */
    private void awaitDeliveries(List<Receiver> list) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(DELIVERY_TIMEOUT_S);
        while (System.nanoTime() < until && list.stream().anyMatch(r -> !r.awaited.isEmpty())) {
            Thread.sleep(100);
        }
    }

    private void failed(String who, RuntimeException e) {
        errors.incrementAndGet();
        if (firstErrors.size() < 8) {
            firstErrors.add(who + ": " + e);
        }
    }

    private static void sleepUntil(long nanos) {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
