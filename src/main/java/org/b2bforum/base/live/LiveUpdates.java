package org.b2bforum.base.live;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.b2bforum.base.database.DatabaseFailures;
import org.b2bforum.base.database.OutageLog;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.web.UrgentWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;

/**
 * Live updates for open pages, on one node: a registry of the pages (UIs) open here, by company and
 * by log-in, and one shared poller that reads the database's change feed ({@link LiveFeed}) a few
 * times a second and pushes each change to the pages it concerns. One query per node whatever the
 * number of open pages; a change written on another node arrives the same way.
 * <p>
 * While bookings wait for their turn ({@link UrgentWork}: the booking window's rush), what a poll read waits too, at
 * most {@code b2bforum.live.urgent-wait}: each page's update reads its counters on a connection of the pool and
 * renders under its session's lock, and at the rush these updates (each booking's, to the pages of both companies)
 * took the cores and the pool's connections from the bookings still waiting. Measured with bench/run-ui-load's
 * "Send" alone, 200 users, one run each at load ~15: the clicks' p95 1,801 ms with the live updates, 874 ms
 * without them (bench/README.md, issue 17). A note a second later is worth the click answered sooner.
 * <p>
 * A page's update that cannot read the database (the pool had no connection for 3 s, a Galera node failing over)
 * keeps its change pending on that page: a later poll hands it to the page again, every
 * {@code b2bforum.live.retry-after}, until it is read (or the page is closed). Before, the change was dropped: a
 * message stored while the pool was starved never appeared in the receiver's open conversation nor in its unread
 * count until a reload (bench/run-push lost 1 live message of 200, bench/README.md, stop 41).
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private final OutageLog outage = new OutageLog(log, "Live updates");
    /**
     * How far back each poll reads. Feed ids are handed out before commit, so a change may commit
     * after a later one was already read: reading a window by time (and skipping ids already seen)
     * catches it, as long as its transaction took less than this.
     */
    private static final long WINDOW_MS = 5_000;
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(1);

    private record Subscriber(UI ui, long userId, Long companyId, SecurityContext security,
            Consumer<LiveChange> listener, ExpectedEchoes echoes, PendingChanges pending) {
    }

    private final JdbcTemplate jdbc;
    /** company's delegates (base reads no company table; asked when a delegate's page subscribes). */
    private final ObjectProvider<DelegateCompanies> delegateCompanies;
    private final Duration interval;
    private final PagesWaitingForTheDatabase waitingPages;
    private final UrgentWork urgent;
    private final Duration urgentWait;
    private final Map<Long, Set<Subscriber>> byCompany = new ConcurrentHashMap<>();
    private final Map<Long, Set<Subscriber>> byUser = new ConcurrentHashMap<>();
    private final Map<UI, Set<Subscriber>> byUi = new ConcurrentHashMap<>();
    /** The pages told of the changes for everyone (no company, no log-in: the booking window's). */
    private final Set<Subscriber> everyone = ConcurrentHashMap.newKeySet();
    /** The subscribers with {@link PendingChanges} changes. */
    private final Set<Subscriber> retrying = ConcurrentHashMap.newKeySet();
    private final Duration retryAfter;
    /** {@link #retryAfter}, none in a test that polls by itself. */
    private volatile long retryAfterNanos;
    /** Feed ids already dispatched that the next window may read again; only the poller thread touches it. */
    private final Set<Long> seen = new HashSet<>();
    /** The database's time at the previous poll, or null before the first. */
    private Timestamp previousPoll;
    /** Runs the pages' listeners, so that a slow page does not hold up the poll (null: on the poller's thread). */
    private final Executor dispatcher;
    /** Tests: listeners run on the thread that polls, whatever {@link #dispatcher} is. */
    private volatile boolean dispatchOnPollingThread;
    /** {@link #WINDOW_MS}, shorter in a test that lets a poll come late. */
    private volatile long windowMs = WINDOW_MS;
    private volatile ScheduledExecutorService poller;
    private long lastCleaning;
    /** {@link #keptFiguresTrustedFor()}; shorter in a test. */
    private volatile Duration keptFiguresTrustedFor;
    private final Duration keptFiguresTrustedForSetting;

    LiveUpdates(JdbcTemplate jdbc, ObjectProvider<DelegateCompanies> delegateCompanies,
            @Value("${b2bforum.live.poll-interval:300ms}") Duration interval,
            @Value("${b2bforum.live.dispatch-threads:true}") boolean dispatchThreads, UrgentWork urgent,
            @Value("${b2bforum.live.urgent-wait:2s}") Duration urgentWait,
            @Value("${b2bforum.live.retry-after:1s}") Duration retryAfter, PagesWaitingForTheDatabase waitingPages,
            @Value("${b2bforum.live.kept-figures-trusted-for:60s}") Duration keptFiguresTrustedFor) {
        this.jdbc = jdbc;
        this.keptFiguresTrustedForSetting = keptFiguresTrustedFor;
        this.keptFiguresTrustedFor = keptFiguresTrustedFor;
        this.waitingPages = waitingPages;
        this.delegateCompanies = delegateCompanies;
        this.retryAfter = retryAfter;
        this.retryAfterNanos = retryAfter.toNanos();
        this.interval = interval;
        this.urgent = urgent;
        this.urgentWait = urgentWait;
        // UI.access runs the listener at once on the calling thread when the page's session is free: with
        // hundreds of pages a poll then took seconds (bench/run-push), and changes fell out of the window
        this.dispatcher = dispatchThreads ? Executors.newVirtualThreadPerTaskExecutor() : null;
    }

    /**
     * Calls {@code listener} (under the UI's lock, as the user, and pushed to the browser) whenever
     * a change concerns this log-in or its company. Ends when the UI detaches or the registration is removed.
     */
    public Registration subscribe(UI ui, ForumUser user, Consumer<LiveChange> listener) {
        Long companyId = user.companyId() != null ? user.companyId()
                : user.delegateId() != null ? companyOfDelegate(user.delegateId()) : null;
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        Subscriber subscriber = new Subscriber(ui, user.id(), companyId, security, listener, new ExpectedEchoes(),
                new PendingChanges());
        byUser.computeIfAbsent(user.id(), id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        byUi.computeIfAbsent(ui, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        if (companyId != null) {
            byCompany.computeIfAbsent(companyId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        }
        Registration detach = ui.addDetachListener(e -> remove(subscriber));
        return () -> {
            detach.remove();
            remove(subscriber);
        };
    }

    /**
     * {@link #subscribe} for as long as {@code component} is attached: from each attach to the next detach (a view
     * that shows what the live updates change, built once per page).
     */
    public void whileAttached(com.vaadin.flow.component.Component component, ForumUser user,
            Consumer<LiveChange> listener) {
        whileAttached(component, ui -> subscribe(ui, user, listener));
    }

    /**
     * Calls {@code listener} (under the UI's lock, as the page's user, and pushed to the browser) for each change told
     * to everyone ({@link LiveFeed#everyoneChanged}), for as long as {@code component} is attached. Only such pages
     * hear of them: the frame of every page would otherwise read its counters again for each.
     */
    public void whileAttachedForEveryone(com.vaadin.flow.component.Component component, Consumer<LiveChange> listener) {
        whileAttached(component, ui -> {
            SecurityContext security = SecurityContextHolder.createEmptyContext();
            security.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
            Subscriber subscriber = new Subscriber(ui, 0, null, security, listener, new ExpectedEchoes(),
                    new PendingChanges());
            everyone.add(subscriber);
            Registration detach = ui.addDetachListener(e -> remove(subscriber));
            return () -> {
                detach.remove();
                remove(subscriber);
            };
        });
    }

    private static void whileAttached(com.vaadin.flow.component.Component component,
            java.util.function.Function<UI, Registration> subscribe) {
        Registration[] subscription = new Registration[1];
        component.addAttachListener(e -> {
            if (subscription[0] == null) {
                subscription[0] = subscribe.apply(e.getUI());
            }
        });
        component.addDetachListener(e -> {
            if (subscription[0] != null) {
                subscription[0].remove();
                subscription[0] = null;
            }
        });
    }

    /**
     * How long a page may go on trusting figures it keeps by live updates alone (the frame's bell, banner and messages
     * count) before a new page reads them again. The feed does not promise every change: one whose transaction commits
     * more than the poll's window after it wrote its row (a day removed with hundreds of requests, each told early in
     * one long transaction; a loaded or failing-over database; the clocks of two Galera nodes apart) is read by no
     * poll, and a page's own change's echo that never comes skips the next change of its kind. Before the figures were
     * kept live, such a miss lasted until the next page; this bounds it to this long (review59).
     */
    public Duration keptFiguresTrustedFor() {
        return keptFiguresTrustedFor;
    }

    /** How many listeners are registered on this node (for the benchmark and health). */
    public int subscriberCount() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    private Long companyOfDelegate(long delegateId) {
        return delegateCompanies.getObject().companyOf(delegateId).orElse(null);
    }

    /**
     * The request of page {@code ui} (running now, under its session's lock) wrote a change of {@code kind} for the
     * page's company and shows its outcome itself: the page's listeners are told at once, in this request, with a
     * {@link LiveChange#madeHere()} change (the menu reads its counters again, no note about what the user just did),
     * and the feed's echo of it is not dispatched to them (the next change of that kind for the company, within the
     * poll's window). At the booking window's rush the echo cost each booking a live update of the requester's own
     * page: its counters and latest notification read on a connection of the pool and a note rendered under the
     * session's lock, a third of a "Send"'s reads (bench/README.md, issue 17).
     */
    public void changedHere(UI ui, LiveChange.Kind kind) {
        changedHere(ui, kind, -1);
    }

    /**
     * As {@link #changedHere(UI, LiveChange.Kind)}, saying how many notifications the request wrote for the page's
     * log-in ({@code notifiedHere}, -1 when it does not know): the page's frame adds them to the bell it keeps instead
     * of counting the unread ones with a statement of its own in the request. At the booking window's rush that count
     * was one of the ~9.5 statements of a rush user, and the one in the measured "Send"'s answer (bench/README.md,
     * issue 17, stop 49). What the count then misses (a notification written meanwhile elsewhere) reaches the page as
     * before, by its own change in the feed, which reads the bell again.
     */
    public void changedHere(UI ui, LiveChange.Kind kind, int notifiedHere) {
        long now = System.nanoTime();
        long deadline = now + TimeUnit.MILLISECONDS.toNanos(2 * WINDOW_MS);
        for (Subscriber subscriber : byUi.getOrDefault(ui, Set.of())) {
            if (subscriber.companyId() == null) {
                continue;
            }
            subscriber.echoes().expect(kind, now, deadline);
            tell(subscriber, new LiveChange(0, subscriber.companyId(), null, kind, true, notifiedHere));
        }
    }

    private void remove(Subscriber subscriber) {
        retrying.remove(subscriber);
        everyone.remove(subscriber);
        removeFrom(byUi, subscriber.ui(), subscriber);
        removeFrom(byUser, subscriber.userId(), subscriber);
        if (subscriber.companyId() != null) {
            removeFrom(byCompany, subscriber.companyId(), subscriber);
        }
    }

    private static <K> void removeFrom(Map<K, Set<Subscriber>> map, K key, Subscriber subscriber) {
        map.computeIfPresent(key, (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Reads the feed once and dispatches what is new; returns how many changes were new. The window
     * starts {@link #WINDOW_MS} before the previous poll's database time, so a poll that comes late
     * (a loaded machine, a long dispatch) still reads everything since the one before.
     */
    int poll() {
        Timestamp dbNow = jdbc.queryForObject("select now(3)", Timestamp.class);
        long polledAt = System.currentTimeMillis(); // this node's clock at dbNow, to put the rows' times on it
        Timestamp from = new Timestamp((previousPoll != null ? previousPoll : dbNow).getTime() - windowMs);
        Map<Long, Long> writtenAt = new HashMap<>(); // database time, for the ages logged at DEBUG
        List<LiveChange> changes = jdbc.query(
                "select id, company_id, user_id, kind, created_at from live_change where created_at >= ? order by id",
                (rs, row) -> {
                    writtenAt.put(rs.getLong(1), rs.getTimestamp(5).getTime());
                    return new LiveChange(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                            (Long) rs.getObject(3, Long.class), LiveChange.Kind.valueOf(rs.getString(4)));
                }, from);
        if (changes.stream().anyMatch(change -> !seen.contains(change.id()))) {
            // bookings waiting for their turn go first (the class's comment); the next poll reads this window again
            urgent.awaitCalm(urgentWait);
            if (Thread.currentThread().isInterrupted()) {
                return 0; // stopped meanwhile
            }
        }
        int fresh = 0;
        Set<Long> read = new HashSet<>();
        for (LiveChange change : changes) {
            read.add(change.id());
            if (seen.add(change.id())) {
                fresh++;
                // when it was written, on this node's clock: the ages logged then count the query and the wait for
                // bookings too
                long written = writtenAt.get(change.id()) - dbNow.getTime() + polledAt;
                dispatch(change, written);
            }
        }
        // windows only move forward: an id this poll did not read is never read again
        seen.retainAll(read);
        previousPoll = dbNow;
        retryPending();
        long now = System.currentTimeMillis();
        if (now - lastCleaning > CLEAN_EVERY.toMillis()) {
            lastCleaning = now;
            jdbc.update("delete from live_change where created_at < now(3) - interval 1 hour");
        }
        return fresh;
    }

    /**
     * The poller's poll. A database away for a while is one line in the log when it goes and one when it is back (the
     * next poll reads the same window again, so nothing is lost meanwhile); before, each poll's failure was dropped
     * silently, and a connection that broke under it gave the pool's "Socket error" stack trace. A poll that reads it
     * opens the pages that could not open without it again ({@link PagesWaitingForTheDatabase}).
     */
    void pollLogged() {
        try {
            poll();
            outage.answered();
            waitingPages.databaseAnswered();
        } catch (RuntimeException e) {
            if (!outage.away(e)) {
                log.debug("Live update poll failed", e);
            }
        }
    }

    /**
     * For a test that polls by itself in the application's context (with the poller {@link #stop() stopped}):
     * the listeners run on the polling thread, and a poll reads {@code window} back instead of five seconds.
     * {@code reset} restores both.
     */
    void pollInTest(Duration window) {
        dispatchOnPollingThread = true;
        windowMs = window.toMillis();
        retryAfterNanos = 0;
    }

    /** A test's shorter {@link #keptFiguresTrustedFor()}, until {@link #reset}. */
    void trustKeptFiguresInTest(Duration trustedFor) {
        keptFiguresTrustedFor = trustedFor;
    }

    void reset() {
        keptFiguresTrustedFor = keptFiguresTrustedForSetting;
        dispatchOnPollingThread = false;
        windowMs = WINDOW_MS;
        retryAfterNanos = retryAfter.toNanos();
    }

    /** Hands the pages their changes that could not be shown for want of the database, once due. */
    private void retryPending() {
        long now = System.nanoTime();
        for (Subscriber subscriber : retrying) {
            retrying.remove(subscriber);
            if (subscriber.ui().isClosing() || subscriber.ui().getSession() == null) {
                remove(subscriber);
                continue;
            }
            List<LiveChange> due = subscriber.pending().takeIfDue(now);
            if (due.isEmpty() && !subscriber.pending().isEmpty()) {
                retrying.add(subscriber); // not yet due
            }
            for (LiveChange change : due) {
                push(subscriber, change, false, -1);
            }
        }
    }

    /**
     * Hands the change to the pages it concerns. {@code written}: when its row was written, on this node's clock
     * (-1 unknown); its age now and when each page is told are logged at DEBUG, so that a change that came late tells
     * a late poll (the window, bookings' turn, the pool) from a page's lock from the push (ux85: a message 19.7 s late
     * at load 27).
     */
    private void dispatch(LiveChange change, long written) {
        Set<Subscriber> subscribers = change.companyId() != null ? byCompany.get(change.companyId())
                : change.userId() != null ? byUser.get(change.userId()) : everyone;
        if (log.isDebugEnabled()) {
            log.debug("Live change {} ({}) dispatched {} ms after it was written, to {} pages", change.id(),
                    change.kind(), System.currentTimeMillis() - written, subscribers == null ? 0 : subscribers.size());
        }
        if (subscribers == null) {
            return;
        }
        for (Subscriber subscriber : subscribers) {
            UI ui = subscriber.ui();
            if (ui.isClosing() || ui.getSession() == null) {
                remove(subscriber);
                continue;
            }
            if (change.companyId() != null && subscriber.echoes().consume(change.kind(), System.nanoTime())) {
                continue; // the page showed it already
            }
            push(subscriber, change, change.companyId() != null, written);
        }
    }

    /**
     * Tells the page's listener under its lock, as its user. {@code skipEcho}: not if the page's own request showed
     * the change meanwhile ({@link #changedHere}).
     */
    private void push(Subscriber subscriber, LiveChange change, boolean skipEcho, long written) {
        UI ui = subscriber.ui();
        Runnable access = () -> {
            try {
                ui.access(() -> {
                    // under the page's lock: a request that showed this change itself has said so by now
                    if (skipEcho && subscriber.echoes().consume(change.kind(), System.nanoTime())) {
                        return;
                    }
                    if (written >= 0 && log.isDebugEnabled()) {
                        log.debug("Live change {} ({}) told to a page {} ms after it was written", change.id(),
                                change.kind(), System.currentTimeMillis() - written);
                    }
                    SecurityContext previous = SecurityContextHolder.getContext();
                    SecurityContextHolder.setContext(subscriber.security());
                    try {
                        tell(subscriber, change);
                    } finally {
                        SecurityContextHolder.setContext(previous);
                    }
                });
            } catch (UIDetachedException e) {
                remove(subscriber);
            }
        };
        if (dispatcher == null || dispatchOnPollingThread) {
            access.run();
        } else {
            dispatcher.execute(access);
        }
    }

    /**
     * Runs the page's listener; a change it could not show for want of the database stays pending on the page. One it
     * could not show for another failure (a fault of the page's) is logged with its trace and told once more a moment
     * later; a second failure in a row of its kind drops it, logged in one line. Before, such a failure escaped {@code UI.access} and the
     * change was lost: the page showed it only at its next change of that kind or a reload (mend52b).
     */
    private void tell(Subscriber subscriber, LiveChange change) {
        try {
            subscriber.listener().accept(change);
            subscriber.pending().told(change.kind());
        } catch (RuntimeException e) {
            boolean away = DatabaseFailures.isAway(e); // away, or its node lost (a Galera node failing over)
            if (!away && !subscriber.pending().faulted(change.kind())) {
                // one line: its trace was logged at the first failure
                log.error("A live update of a page failed again ({}): it is shown at the page's next change ({})",
                        change, e.toString());
                return;
            }
            subscriber.pending().failed(change, System.nanoTime() + retryAfterNanos);
            retrying.add(subscriber);
            if (away) {
                log.warn("Database unavailable for a live update of a page ({}): it is shown again in a moment",
                        e.toString());
            } else {
                log.warn("A live update of a page failed ({}): it is told again in a moment", change, e);
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-updates");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollLogged, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        poller = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                // a poll under way is interrupted and its thread waited for: no new poll starts after stop returns
                // (what it already handed to a UI's access may still run there; a test that needs the UI quiet
                // lets those run first, MeetingViewsTest)
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
