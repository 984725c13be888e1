package org.b2bforum.base.ui;

import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.DataCommunicator;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.internal.StateTree;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.ServerRpcHandler;
import com.vaadin.flow.server.communication.UidlRequestHandler;
import com.vaadin.flow.shared.ui.Transport;

/**
 * A grid whose data updates the server confirms itself, at the tab's next request, instead of the browser confirming
 * each one in a request of its own. Vaadin's grid connector answers every data update with
 * {@code $server.confirmUpdate(id)} (gridConnector.ts, {@code $connector.confirm}), a round trip through Tomcat, the
 * security filters and Vaadin's request cycle whose only effect is that the server forgets the item keys of the rows
 * the update replaced: two of a booking-rush user's five requests ("Send", the directory, its confirm, the search, its
 * confirm; bench/README.md, run-ui-load, issue 17).
 * <p>
 * Here the page switches that call off for the grid ({@code executeJs} at each attach), and each UIDL request of the tab
 * confirms, after its own RPCs are handled and before its answer is written, every update that the server had sent
 * before the request began. Why no key the browser may still send is dropped: the browser sends a UIDL request only
 * after it has applied every answer before it (one request at a time, answers and pushes applied in the order of their
 * sync ids), so each update sent before a request began is one the browser had applied when it sent the request, or,
 * when pushed meanwhile, one it applies before that request's answer and before it can send anything else; and a click
 * on a replaced row in that same request is handled before the confirmation. That is Vaadin's own guarantee, told by
 * the next request instead of a request of its own. Several grids on a page each keep their own updates; a detached grid
 * leaves the tab's list (its browser element is gone) and joins it again with its next attach. It is switched on only
 * where the tab's requests reach {@link UidlRequestHandler} (push over WebSocket and XHR, the application's, or none):
 * with push's bidirectional WebSocket transport they would not, and the browser keeps confirming as before.
 * <p>
 * What Vaadin does not make public: the ids of the updates whose replaced keys wait for a confirmation
 * ({@code DataCommunicator.passivatedByUpdate}, protected); read by a {@link VarHandle}. If a Vaadin version renamed it,
 * the handler is not installed, the grids keep the browser's confirmation (logged once), and
 * {@code ServerConfirmedGridsTest} fails.
 */
public final class ServerConfirmedGrids implements Serializable {

    /**
     * What the page runs at each attach: the connector's confirmation goes nowhere. The grid's {@code $server} is
     * wrapped in a proxy that answers {@code confirmUpdate} with a function that does nothing and passes everything
     * else on, not given a method of its own: Flow's client deletes and defines the element's server methods again
     * when it binds a node anew (ServerEventHandlerBinder), and in Chromium the directory the tab keeps, attached
     * again, confirmed its first update (DirectorySearchJourneyIT) when the method was merely assigned. Before Flow has
     * made the element's {@code $server}, the proxy wraps it when Flow sets it.
     */
    static final String SWITCH_OFF = """
            // ServerConfirmedGrids: the server confirms this grid's updates at the tab's next request
            const grid = this;
            const trap = {get: (target, name) => name === 'confirmUpdate' ? function() {}
                : name === '__serverConfirms' ? true : Reflect.get(target, name)};
            const wrap = server => server.__serverConfirms ? server : new Proxy(server, trap);
            if (grid.$server) {
              grid.$server = wrap(grid.$server);
            } else {
              let kept;
              Object.defineProperty(grid, '$server', {configurable: true, enumerable: true,
                  get: () => kept, set: server => { kept = wrap(server); }});
            }""";

    private static final VarHandle PASSIVATED = passivatedByUpdate();

    private final Set<Grid<?>> attached = new LinkedHashSet<>();

    private ServerConfirmedGrids() {
    }

    /** From now on the grid's updates are confirmed by the server at the tab's next request (see the class). */
    public static void confirmedByNextRequest(Grid<?> grid) {
        // the node's attach, not the component's: a view the tab keeps and attaches again had its new rows' update,
        // with its confirmation, queued by the rows set in beforeEnter ahead of what the component's attach listener
        // queues; this listener, added when the view is built, comes first
        StateNode node = grid.getElement().getNode();
        node.addAttachListener(() -> {
            UI ui = ((StateTree) node.getOwner()).getUI();
            if (!handledOnServer(ui)) {
                return;
            }
            of(ui).attached.add(grid);
            grid.getElement().executeJs(SWITCH_OFF);
        });
        node.addDetachListener(() -> {
            if (node.getOwner() instanceof StateTree tree) {
                ServerConfirmedGrids grids = ComponentUtil.getData(tree.getUI(), ServerConfirmedGrids.class);
                if (grids != null) {
                    grids.attached.remove(grid);
                }
            }
        });
    }

    private static boolean handledOnServer(UI ui) {
        boolean bidirectional = ui.getPushConfiguration().getPushMode().isEnabled()
                && ui.getPushConfiguration().getTransport() == Transport.WEBSOCKET;
        return PASSIVATED != null && !bidirectional
                && ui.getSession().getService().getContext().getAttribute(Installed.class) != null;
    }

    private static ServerConfirmedGrids of(UI ui) {
        ServerConfirmedGrids grids = ComponentUtil.getData(ui, ServerConfirmedGrids.class);
        if (grids == null) {
            grids = new ServerConfirmedGrids();
            ComponentUtil.setData(ui, ServerConfirmedGrids.class, grids);
        }
        return grids;
    }

    /**
     * One UIDL request's RPCs with the tab's grids confirmed as the class says: the updates sent before the request
     * began are read first, then the RPCs are handled, then those updates are confirmed. Nothing is confirmed when the
     * RPCs fail (a resent or out-of-order message, a resynchronisation): the next request confirms them. With the
     * session's lock, before the answer (and its grids' flush) is written.
     */
    static void confirmingAround(UI ui, Rpcs rpcs) throws ServerRpcHandler.MessageIdSyncException {
        Sent sent = sentBefore(ui);
        rpcs.handle();
        sent.confirm();
    }

    interface Rpcs {
        void handle() throws ServerRpcHandler.MessageIdSyncException;
    }

    private static Sent sentBefore(UI ui) {
        ServerConfirmedGrids grids = ComponentUtil.getData(ui, ServerConfirmedGrids.class);
        Sent sent = new Sent(new ArrayList<>(), new ArrayList<>());
        if (grids != null) {
            for (Grid<?> grid : grids.attached) {
                List<Integer> ids = waitingUpdates(grid.getDataCommunicator());
                if (!ids.isEmpty()) {
                    sent.communicators().add(grid.getDataCommunicator());
                    sent.ids().add(ids);
                }
            }
        }
        return sent;
    }

    private record Sent(List<DataCommunicator<?>> communicators, List<List<Integer>> ids) {

        void confirm() {
            for (int i = 0; i < communicators.size(); i++) {
                for (int id : ids.get(i)) {
                    communicators.get(i).confirmUpdate(id);
                }
            }
        }
    }

    /** The ids of the updates whose replaced rows' keys the communicator keeps until they are confirmed. */
    static List<Integer> waitingUpdates(DataCommunicator<?> communicator) {
        @SuppressWarnings("unchecked")
        Map<Integer, Set<String>> passivated = (Map<Integer, Set<String>>) PASSIVATED.get(communicator);
        return List.copyOf(passivated.keySet());
    }

    private static VarHandle passivatedByUpdate() {
        try {
            return MethodHandles.privateLookupIn(DataCommunicator.class, MethodHandles.lookup())
                    .findVarHandle(DataCommunicator.class, "passivatedByUpdate", java.util.HashMap.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(ServerConfirmedGrids.class)
                    .warn("Grid updates stay confirmed by the browser: {}", e.toString());
            return null;
        }
    }

    /** Marks the service whose UIDL requests confirm the grids' updates (the attribute the grids look for). */
    record Installed() {
    }

    /** Vaadin's UIDL handler with the confirmation around each request's RPCs; the listener's added handlers go first. */
    @Component
    static class Installer implements VaadinServiceInitListener {

        @Override
        public void serviceInit(ServiceInitEvent event) {
            if (PASSIVATED == null) {
                return;
            }
            event.addRequestHandler(new ConfirmingUidlRequestHandler());
            event.getSource().getContext().setAttribute(Installed.class, new Installed());
        }
    }

    static class ConfirmingUidlRequestHandler extends UidlRequestHandler {

        @Override
        protected ServerRpcHandler createRpcHandler() {
            return new ConfirmingRpcHandler();
        }
    }

    static class ConfirmingRpcHandler extends ServerRpcHandler {

        @Override
        protected void handleRpc(UI ui, String message, VaadinRequest request, RpcRequest rpcRequest)
                throws MessageIdSyncException {
            confirmingAround(ui, () -> super.handleRpc(ui, message, request, rpcRequest));
        }
    }
}
