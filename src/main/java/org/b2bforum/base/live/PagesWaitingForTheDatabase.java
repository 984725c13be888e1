package org.b2bforum.base.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;

/**
 * Pages that could not open for want of the database ("temporarily unavailable") and open again by themselves once it
 * answers. The live updates' poller reads the database every 300 ms on each node whatever happens; its first poll that
 * reads it again tells these pages, through their push connection, so no page asks the server meanwhile (a page that
 * polled would hold a request thread for the pool's 3 s wait each time, on a server whose pages all wait). Before, the
 * page stayed "temporarily unavailable" until the user thought of reloading it (review46 left it, review49).
 */
@Component
public class PagesWaitingForTheDatabase {

    private record Waiting(Runnable reopen, long notBefore) {
    }

    private final Map<UI, Waiting> waiting = new ConcurrentHashMap<>();
    private final long pauseNanos;
    /** Runs a page's reopening under its lock (UI.access, pushed); a test runs it at once. */
    private final BiConsumer<UI, Runnable> access;

    @Autowired
    PagesWaitingForTheDatabase(@Value("${b2bforum.live.reopen-pause:5s}") Duration pause) {
        this(pause, (ui, reopen) -> ui.access(reopen::run));
    }

    PagesWaitingForTheDatabase(Duration pause, BiConsumer<UI, Runnable> access) {
        this.pauseNanos = pause.toNanos();
        this.access = access;
    }

    /**
     * Runs {@code reopen} on page {@code ui} at the first poll that reads the database, at least the pause after now
     * ({@code b2bforum.live.reopen-pause}): a page that failed while the database answers the poller (a pool starved
     * under load) opens again at most that often. Replaces the page's earlier one; ends with the registration.
     */
    public Registration reopenWhenTheDatabaseAnswers(UI ui, Runnable reopen) {
        Waiting entry = new Waiting(reopen, System.nanoTime() + pauseNanos);
        waiting.put(ui, entry);
        return () -> waiting.remove(ui, entry);
    }

    /** How many pages wait on this node. */
    public int count() {
        return waiting.size();
    }

    /** The poller has just read the database: the pages whose pause is over open again. */
    void databaseAnswered() {
        if (waiting.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        waiting.forEach((ui, entry) -> {
            if (entry.notBefore() - now > 0 || !waiting.remove(ui, entry)) {
                return;
            }
            if (ui.isClosing()) {
                return;
            }
            try {
                access.accept(ui, entry.reopen());
            } catch (UIDetachedException e) {
                // the tab was closed meanwhile
            }
        });
    }
}
