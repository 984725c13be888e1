package org.b2bforum.base.i18n;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;

/**
 * Every new session starts in the language of the cookie, or Russian; the page's {@code <html lang>}
 * follows it (Vaadin writes the first locale of the i18n provider there, vaadin/flow#18585), so
 * screen readers read English pages in English. A language switch reloads the page. A page opened with
 * {@code ?lang=} (LanguageParameterFilter) changes the cookie under an open session: the session follows the cookie
 * at the page's new UI.
 */
@Component
class LocaleInitListener implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(
                sessionInit -> sessionInit.getSession().setLocale(Languages.fromRequest(sessionInit.getRequest())));
        event.getSource().addUIInitListener(uiInit -> {
            VaadinSession session = uiInit.getUI().getSession();
            followCookie(session, VaadinRequest.getCurrent());
            uiInit.getUI().setLocale(session.getLocale());
        });
        event.addIndexHtmlRequestListener(page -> page.getDocument().getElementsByTag("html")
                .attr("lang", Languages.fromRequest(page.getVaadinRequest()).getLanguage()));
    }

    /** The session takes the language the request's cookie names, if it names one; kept otherwise. */
    static void followCookie(VaadinSession session, VaadinRequest request) {
        if (request != null) {
            Languages.cookieIn(request.getCookies()).filter(chosen -> !chosen.equals(session.getLocale()))
                    .ifPresent(session::setLocale);
        }
    }
}
