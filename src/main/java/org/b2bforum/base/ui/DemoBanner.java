package org.b2bforum.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The warning on every page while demo accounts (with passwords published in the README) can log
 * in: nobody should mistake a demo for the real forum, nor run a real forum with it. While the demo forum is still
 * being loaded it says that instead: a visitor then finds only part of it.
 */
public class DemoBanner extends Div {

    public DemoBanner(boolean loading) {
        setId("demo-banner");
        addClassName("demo-banner");
        getElement().setAttribute("role", "alert");
        add(VaadinIcon.WARNING.create());
        // the whole sentence where there is room, a short one on a phone (the banner stays one or two lines)
        String key = loading ? "demo.banner.loading" : "demo.banner";
        Span full = new Span(getTranslation(key));
        full.addClassName("demo-banner-full");
        Span brief = new Span(getTranslation(key + ".short"));
        brief.addClassName("demo-banner-short");
        add(full, brief);
    }
}
