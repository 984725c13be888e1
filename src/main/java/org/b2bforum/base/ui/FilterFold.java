package org.b2bforum.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The filters a list folds behind "Filters (n)" on a phone: the toggle opens and closes them (class {@code open},
 * which the page's styles show on narrow screens) and says so to screen readers ({@code aria-expanded}); on a wide
 * screen the styles keep them in the row beside the search. The directory and the approval queue.
 */
public final class FilterFold {

    private FilterFold() {
    }

    /** Makes {@code toggle} fold {@code refine}, which gets {@code refineId} as its id and class. */
    public static void fold(Button toggle, String toggleId, Div refine, String refineId) {
        refine.setId(refineId);
        refine.addClassName(refineId);
        toggle.setId(toggleId);
        toggle.addClassName("filters-toggle");
        toggle.setIcon(VaadinIcon.FILTER.create());
        toggle.getElement().setAttribute("aria-controls", refineId);
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(e -> {
            boolean open = !refine.hasClassName("open");
            refine.setClassName("open", open);
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        });
    }
}
