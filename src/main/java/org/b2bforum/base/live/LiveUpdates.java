package org.b2bforum.base.live;

import java.sql.Timestamp;
import java.time.Duration;
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

import org.b2bforum.base.security.ForumUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    /**
     * How far back each poll reads. Feed ids are handed out before commit, so a change may commit
     * after a later one was already read: reading a window by time (and skipping ids already seen)
     * catches it, as long as its transaction took less than this.
     */
    private static final long WINDOW_MS = 5_000;
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(1);

    private record Subscriber(UI ui, long userId, Long companyId, SecurityContext security,
            Consumer<LiveChange> listener) {
    }

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final Map<Long, Set<Subscriber>> byCompany = new ConcurrentHashMap<>();
    private final Map<Long, Set<Subscriber>> byUser = new ConcurrentHashMap<>();
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

    LiveUpdates(JdbcTemplate jdbc, @Value("${b2bforum.live.poll-interval:300ms}") Duration interval,
            @Value("${b2bforum.live.dispatch-threads:true}") boolean dispatchThreads) {
        this.jdbc = jdbc;
        this.interval = interval;
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
        Subscriber subscriber = new Subscriber(ui, user.id(), companyId, security, listener);
        byUser.computeIfAbsent(user.id(), id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        if (companyId != null) {
            byCompany.computeIfAbsent(companyId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        }
        Registration detach = ui.addDetachListener(e -> remove(subscriber));
        return () -> {
            detach.remove();
            remove(subscriber);
        };
    }

    /** How many listeners are registered on this node (for the benchmark and health). */
    public int subscriberCount() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    private Long companyOfDelegate(long delegateId) {
        List<Long> ids = jdbc.queryForList("select company_id from delegate where id = ?", Long.class, delegateId);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private void remove(Subscriber subscriber) {
        removeFrom(byUser, subscriber.userId(), subscriber);
        if (subscriber.companyId() != null) {
            removeFrom(byCompany, subscriber.companyId(), subscriber);
        }
    }

    private static void removeFrom(Map<Long, Set<Subscriber>> map, long key, Subscriber subscriber) {
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
        Timestamp from = new Timestamp((previousPoll != null ? previousPoll : dbNow).getTime() - windowMs);
        List<LiveChange> changes = jdbc.query(
                "select id, company_id, user_id, kind from live_change where created_at >= ? order by id",
                (rs, row) -> new LiveChange(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                        (Long) rs.getObject(3, Long.class), LiveChange.Kind.valueOf(rs.getString(4))), from);
        int fresh = 0;
        Set<Long> read = new HashSet<>();
        for (LiveChange change : changes) {
            read.add(change.id());
            if (seen.add(change.id())) {
                fresh++;
                dispatch(change);
            }
        }
        // windows only move forward: an id this poll did not read is never read again
        seen.retainAll(read);
        previousPoll = dbNow;
        long now = System.currentTimeMillis();
        if (now - lastCleaning > CLEAN_EVERY.toMillis()) {
            lastCleaning = now;
            jdbc.update("delete from live_change where created_at < now(3) - interval 1 hour");
        }
        return fresh;
    }

    /**
     * For a test that polls by itself in the application's context (with the poller {@link #stop() stopped}):
     * the listeners run on the polling thread, and a poll reads {@code window} back instead of five seconds.
     * {@code reset} restores both.
     */
    void pollInTest(Duration window) {
        dispatchOnPollingThread = true;
        windowMs = window.toMillis();
    }

    void reset() {
        dispatchOnPollingThread = false;
        windowMs = WINDOW_MS;
    }

    private void dispatch(LiveChange change) {
        Set<Subscriber> subscribers = change.companyId() != null ? byCompany.get(change.companyId())
                : change.userId() != null ? byUser.get(change.userId()) : null;
        if (subscribers == null) {
            return;
        }
        for (Subscriber subscriber : subscribers) {
            UI ui = subscriber.ui();
            if (ui.isClosing() || ui.getSession() == null) {
                remove(subscriber);
                continue;
            }
            Runnable access = () -> {
                try {
                    ui.access(() -> {
                        SecurityContext previous = SecurityContextHolder.getContext();
                        SecurityContextHolder.setContext(subscriber.security());
                        try {
                            subscriber.listener().accept(change);
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
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-updates");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                // the database is away for a moment: the next poll reads the same window again
                log.debug("Live update poll failed", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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
