package org.b2bforum.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** What a new tab shows while the node sheds load ({@link UiLimits}): nothing is lost, try again shortly. */
@Route(value = "busy", autoLayout = false)
@AnonymousAllowed
class BusyView extends VerticalLayout implements HasDynamicTitle, LocaleChangeObserver, BeforeEnterObserver {

    private final H1 title = new H1();
    private final Paragraph text = new Paragraph();
    /** A plain link to the page asked for (the busy page only stood in for it): a new page load, no round trip. */
    final Anchor tryAgain = new Anchor();

    BusyView() {
        addClassName("page");
        text.setId("busy-message");
        tryAgain.setId("busy-try-again");
        // a new page, so a new tab's admission: within this tab the router would show this page again
        tryAgain.setRouterIgnore(true);
        add(title, text, tryAgain);
    }

    /** The page a tab sent here asked for (set by {@link UiLimits}; none when "busy" itself was opened). */
    record AskedFor(String path) {
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        AskedFor asked = ComponentUtil.getData(event.getUI(), AskedFor.class);
        tryAgain.setHref(asked == null ? "" : asked.path());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("busy.title"));
        text.setText(getTranslation("busy.message"));
        tryAgain.removeAll();
        tryAgain.add(VaadinIcon.REFRESH.create(), new Span(" " + getTranslation("busy.try-again")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("busy.title") + " · " + getTranslation("app.short-title");
    }
}
