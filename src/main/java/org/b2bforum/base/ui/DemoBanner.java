package org.b2bforum.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The warning on every page while demo accounts (with passwords published in the README) can log
 * in: nobody should mistake a demo for the real forum, nor run a real forum with it.
 */
public class DemoBanner extends Div {

    public DemoBanner() {
        setId("demo-banner");
        addClassName("demo-banner");
        getElement().setAttribute("role", "alert");
        add(VaadinIcon.WARNING.create());
        add(getTranslation("demo.banner"));
    }
}
