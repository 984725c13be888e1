package org.b2bforum.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * What an address that is not a page, or a page this account may not open, shows instead of Vaadin's "Could not
 * navigate to ..." text: one message for both (Vaadin's access control reroutes a refused page here, so the answer
 * does not tell whether a page exists), in the user's language, with a way back to the start page.
 */
@AnonymousAllowed
class PageNotFoundView extends VerticalLayout
        implements HasErrorParameter<NotFoundException>, HasDynamicTitle, LocaleChangeObserver {

    final H1 title = new H1();
    final Paragraph text = new Paragraph();
    final RouterLink home = new RouterLink("", HomeView.class);

    PageNotFoundView() {
        addClassName("page");
        setId("page-not-found");
        home.setId("page-not-found-home");
        add(title, text, home);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpStatusCode.NOT_FOUND.getCode();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("not-found.title"));
        text.setText(getTranslation("not-found.message"));
        home.setText(getTranslation("not-found.home"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("not-found.title") + " · " + getTranslation("app.short-title");
    }
}
