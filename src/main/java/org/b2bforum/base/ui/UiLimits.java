package org.b2bforum.base.ui;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.b2bforum.base.security.ClientAddress;
import org.b2bforum.base.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Limits that protect the node's memory from open browser tabs (each a UI of about 150–300 KB of heap,
 * bench/run-ui-load). A session keeps at most {@code b2bforum.ui.max-tabs-per-session} tabs: opening
 * one more closes the one that has been silent longest. Past {@code b2bforum.ui.max-open-tabs} tabs on
 * the node, a new tab gets only the "server busy" page ({@link BusyView}) until tabs close. A tab of a
 * session without a signed-in user (anonymous) gets it too past {@code b2bforum.ui.max-anonymous-tabs}
 * anonymous tabs on the node, or past {@code b2bforum.ui.max-anonymous-tabs-per-address} from its
 * client's network ({@link ClientAddress#network}: an IPv6 address by its /64): one client cannot fill
 * the node, and anonymous tabs never take the room signed-in users need. Signed-in tabs are not counted
 * per address (the delegates at the venue share its NAT address); when a session signs in, its
 * anonymous tabs (the log-in page it has left) stop counting as anonymous. A tab sent to the busy page
 * holds no place in any count. Tabs that stop sending heartbeats (closed, or left by a full page load
 * such as the log-in form) are removed after three missed heartbeats ({@code vaadin.heartbeatInterval});
 * idle sessions end by {@code IdleSessionFilter} and Vaadin's {@code closeIdleSessions}.
 */
@Component
class UiLimits implements VaadinServiceInitListener {

    private final int maxTabsPerSession;
    private final int maxOpenTabs;
    private final int maxAnonymousTabs;
    private final int maxAnonymousTabsPerAddress;
    private final CurrentUser currentUser;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger anonymous = new AtomicInteger();
    /** Anonymous tabs by client network; an entry is removed when its count reaches zero. */
    private final ConcurrentHashMap<String, Integer> anonymousByNetwork = new ConcurrentHashMap<>();

    UiLimits(@Value("${b2bforum.ui.max-tabs-per-session:10}") int maxTabsPerSession,
            @Value("${b2bforum.ui.max-open-tabs:2000}") int maxOpenTabs,
            @Value("${b2bforum.ui.max-anonymous-tabs:1000}") int maxAnonymousTabs,
            @Value("${b2bforum.ui.max-anonymous-tabs-per-address:100}") int maxAnonymousTabsPerAddress,
            CurrentUser currentUser) {
        this.maxTabsPerSession = maxTabsPerSession;
        this.maxOpenTabs = maxOpenTabs;
        this.maxAnonymousTabs = maxAnonymousTabs;
        this.maxAnonymousTabsPerAddress = maxAnonymousTabsPerAddress;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> opened(e.getUI()));
    }

    /** A new tab (called with its session locked, in the request that opens it). */
    void opened(UI ui) {
        boolean signedIn = currentUser.get().isPresent();
        if (open.incrementAndGet() > maxOpenTabs) {
            open.decrementAndGet();
            sendToBusyPage(ui);
            return;
        }
        AnonymousTab tab = null;
        if (signedIn) {
            if (ui.getSession() != null) {
                ui.getSession().getUIs().forEach(other -> {
                    AnonymousTab before = ComponentUtil.getData(other, AnonymousTab.class);
                    if (before != null) {
                        before.release();
                    }
                });
            }
        } else {
            tab = admitAnonymous(key(ClientAddress.current()));
            if (tab == null) {
                open.decrementAndGet();
                sendToBusyPage(ui);
                return;
            }
            ComponentUtil.setData(ui, AnonymousTab.class, tab);
        }
        AnonymousTab counted = tab;
        AtomicBoolean closed = new AtomicBoolean();
        ui.addDetachListener(e -> {
            if (closed.compareAndSet(false, true)) {
                open.decrementAndGet();
                if (counted != null) {
                    counted.release();
                }
            }
        });
        if (ui.getSession() != null) {
            tabsToClose(ui.getSession().getUIs(), maxTabsPerSession).forEach(UI::close);
        }
    }

    /** Counts an anonymous tab from this network, or null (counting nothing) if it is past a limit. */
    private AnonymousTab admitAnonymous(String network) {
        if (anonymous.incrementAndGet() > maxAnonymousTabs) {
            anonymous.decrementAndGet();
            return null;
        }
        boolean[] admitted = {false};
        anonymousByNetwork.compute(network, (key, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < maxAnonymousTabsPerAddress;
            return admitted[0] ? now + 1 : count;
        });
        if (!admitted[0]) {
            anonymous.decrementAndGet();
            return null;
        }
        return new AnonymousTab(network);
    }

    private static void sendToBusyPage(UI ui) {
        ui.addBeforeEnterListener(e -> {
            if (e.getNavigationTarget() != BusyView.class) {
                ComponentUtil.setData(ui, BusyView.AskedFor.class,
                        new BusyView.AskedFor(e.getLocation().getPathWithQueryParameters()));
                e.rerouteTo(BusyView.class);
            }
        });
    }

    /** Open tabs on this node (all sessions; not those sent to the busy page). */
    int openTabs() {
        return open.get();
    }

    /** Open anonymous tabs on this node. */
    int anonymousTabs() {
        return anonymous.get();
    }

    /** Open anonymous tabs from this client address's network. */
    int anonymousTabs(String address) {
        return anonymousByNetwork.getOrDefault(key(address), 0);
    }

    /** The key of a client address: its network, or "" for none (no request). */
    private static String key(String address) {
        String network = ClientAddress.network(address);
        return network == null ? "" : network;
    }

    /** Networks with anonymous tabs open (the map keeps no entry at zero). */
    int networks() {
        return anonymousByNetwork.size();
    }

    /** The tabs beyond {@code max} that have been silent longest (oldest heartbeat first). */
    static List<UI> tabsToClose(Collection<UI> uis, int max) {
        List<UI> live = uis.stream().filter(ui -> !ui.isClosing())
                .sorted(Comparator.comparingLong(ui -> ui.getInternals().getLastHeartbeatTimestamp())).toList();
        return live.subList(0, Math.max(0, live.size() - max));
    }

    /** The place an anonymous tab holds in the anonymous counts, given back once (closed, or its session signed in). */
    private final class AnonymousTab {

        private final String network;
        private final AtomicBoolean released = new AtomicBoolean();

        AnonymousTab(String network) {
            this.network = network;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                anonymous.decrementAndGet();
                anonymousByNetwork.computeIfPresent(network, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
