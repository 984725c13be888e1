package org.b2bforum.base.ui;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Limits that protect the node's memory from open browser tabs (each a UI of about 150–300 KB of heap,
 * bench/run-ui-load). A session keeps at most {@code b2bforum.ui.max-tabs-per-session} tabs: opening
 * one more closes the one that has been silent longest. Past {@code b2bforum.ui.max-open-tabs} tabs on
 * the node, a new tab gets only the "server busy" page ({@link BusyView}) until tabs close. Tabs that
 * stop sending heartbeats (closed, or left by a full page load such as the log-in form) are removed
 * after three missed heartbeats ({@code vaadin.heartbeatInterval}); idle sessions end by
 * {@code IdleSessionFilter} and Vaadin's {@code closeIdleSessions}.
 */
@Component
class UiLimits implements VaadinServiceInitListener {

    private final int maxTabsPerSession;
    private final int maxOpenTabs;
    private final AtomicInteger open = new AtomicInteger();

    UiLimits(@Value("${b2bforum.ui.max-tabs-per-session:10}") int maxTabsPerSession,
            @Value("${b2bforum.ui.max-open-tabs:2000}") int maxOpenTabs) {
        this.maxTabsPerSession = maxTabsPerSession;
        this.maxOpenTabs = maxOpenTabs;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> opened(e.getUI()));
    }

    /** A new tab (called with its session locked). */
    void opened(UI ui) {
        int now = open.incrementAndGet();
        ui.addDetachListener(e -> open.decrementAndGet());
        if (now > maxOpenTabs) {
            ui.addBeforeEnterListener(e -> {
                if (e.getNavigationTarget() != BusyView.class) {
                    e.rerouteTo(BusyView.class);
                }
            });
            return;
        }
        if (ui.getSession() != null) {
            tabsToClose(ui.getSession().getUIs(), maxTabsPerSession).forEach(UI::close);
        }
    }

    /** Open tabs on this node (all sessions). */
    int openTabs() {
        return open.get();
    }

    /** The tabs beyond {@code max} that have been silent longest (oldest heartbeat first). */
    static List<UI> tabsToClose(Collection<UI> uis, int max) {
        List<UI> live = uis.stream().filter(ui -> !ui.isClosing())
                .sorted(Comparator.comparingLong(ui -> ui.getInternals().getLastHeartbeatTimestamp())).toList();
        return live.subList(0, Math.max(0, live.size() - max));
    }
}
