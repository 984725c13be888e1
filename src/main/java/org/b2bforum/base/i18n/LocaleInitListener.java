package org.b2bforum.base.i18n;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/** Every new session starts in the language of the cookie, or Russian. */
@Component
class LocaleInitListener implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(
                sessionInit -> sessionInit.getSession().setLocale(Languages.fromRequest(sessionInit.getRequest())));
        event.getSource().addUIInitListener(uiInit -> uiInit.getUI().setLocale(uiInit.getUI().getSession().getLocale()));
    }
}
