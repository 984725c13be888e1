package org.b2bforum.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
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
        // the whole sentence where there is room, a short one on a phone (the banner stays one or two lines)
        Span full = new Span(getTranslation("demo.banner"));
        full.addClassName("demo-banner-full");
        Span brief = new Span(getTranslation("demo.banner.short"));
        brief.addClassName("demo-banner-short");
        add(full, brief);
    }
}
