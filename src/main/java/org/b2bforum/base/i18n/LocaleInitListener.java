package org.b2bforum.base.i18n;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Every new session starts in the language of the cookie, or Russian; the page's {@code <html lang>}
 * follows it (Vaadin writes the first locale of the i18n provider there, vaadin/flow#18585), so
 * screen readers read English pages in English. A language switch reloads the page.
 */
@Component
class LocaleInitListener implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(
                sessionInit -> sessionInit.getSession().setLocale(Languages.fromRequest(sessionInit.getRequest())));
        event.getSource().addUIInitListener(uiInit -> uiInit.getUI().setLocale(uiInit.getUI().getSession().getLocale()));
        event.addIndexHtmlRequestListener(page -> page.getDocument().getElementsByTag("html")
                .attr("lang", Languages.fromRequest(page.getVaadinRequest()).getLanguage()));
    }
}
