package org.b2bforum.base.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final int WINDOW_MS = 5_000;
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(1);

    private record Subscriber(UI ui, long userId, Long companyId, SecurityContext security,
            Consumer<LiveChange> listener) {
    }

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final Map<Long, Set<Subscriber>> byCompany = new ConcurrentHashMap<>();
    private final Map<Long, Set<Subscriber>> byUser = new ConcurrentHashMap<>();
    /** Feed ids already dispatched, with when they were read; only the poller thread touches it. */
    private final Map<Long, Long> seen = new HashMap<>();
    private volatile ScheduledExecutorService poller;
    private long lastCleaning;

    LiveUpdates(JdbcTemplate jdbc, @Value("${b2bforum.live.poll-interval:300ms}") Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
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

    /** Reads the feed once and dispatches what is new; returns how many changes were new. */
    int poll() {
        int fresh = 0;
        long now = System.currentTimeMillis();
        List<LiveChange> changes = jdbc.query(
                "select id, company_id, user_id, kind from live_change where created_at >= now(3) - interval "
                        + WINDOW_MS / 1000 + " second order by id",
                (rs, row) -> new LiveChange(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                        (Long) rs.getObject(3, Long.class), LiveChange.Kind.valueOf(rs.getString(4))));
        for (LiveChange change : changes) {
            if (seen.putIfAbsent(change.id(), now) == null) {
                fresh++;
                dispatch(change);
            }
        }
        seen.values().removeIf(readAt -> readAt < now - 2L * WINDOW_MS);
        if (now - lastCleaning > CLEAN_EVERY.toMillis()) {
            lastCleaning = now;
            jdbc.update("delete from live_change where created_at < now(3) - interval 1 hour");
        }
        return fresh;
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
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
