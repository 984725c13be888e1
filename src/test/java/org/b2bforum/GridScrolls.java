package org.b2bforum;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;

/** What a browserless test can see of a grid's scrolling: the scroll the server asks of the browser. */
public final class GridScrolls {

    private GridScrolls() {
    }

    /**
     * Whether the grid was asked to scroll to its first row since the last call (the calls asked of the browser are
     * taken, as the answer to the browser would take them).
     */
    public static boolean scrolledToStart(Grid<?> grid) {
        UI ui = grid.getUI().orElseThrow();
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return ui.getInternals().dumpPendingJavaScriptInvocations().stream()
                .anyMatch(call -> call.getOwner() == grid.getElement().getNode()
                        && call.getInvocation().getExpression().contains("scrollToIndex")
                        && call.getInvocation().getParameters().contains(0));
    }
}
