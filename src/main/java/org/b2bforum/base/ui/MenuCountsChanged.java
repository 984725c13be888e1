package org.b2bforum.base.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/**
 * A page changed what the menu counts, after the menu had read it: the open conversation read the message that had
 * just come in, which the menu's live update had counted as unread ("Messages 1" beside it, ux60). The menu reads its
 * counters again.
 */
public class MenuCountsChanged extends ComponentEvent<UI> {

    public MenuCountsChanged(UI ui) {
        super(ui, false);
    }

    /** Tells the page's menu. */
    public static void fire(UI ui) {
        ComponentUtil.fireEvent(ui, new MenuCountsChanged(ui));
    }
}
