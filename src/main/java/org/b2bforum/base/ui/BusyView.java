package org.b2bforum.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** What a new tab shows while the node sheds load ({@link UiLimits}): nothing is lost, try again shortly. */
@Route(value = "busy", autoLayout = false)
@AnonymousAllowed
class BusyView extends VerticalLayout implements HasDynamicTitle, LocaleChangeObserver {

    private final H1 title = new H1();
    private final Paragraph text = new Paragraph();

    BusyView() {
        addClassName("page");
        text.setId("busy-message");
        add(title, text);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("busy.title"));
        text.setText(getTranslation("busy.message"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("busy.title") + " · " + getTranslation("app.short-title");
    }
}
