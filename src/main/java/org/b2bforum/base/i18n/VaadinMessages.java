package org.b2bforum.base.i18n;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.ReconnectDialogConfiguration;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Vaadin's own messages in the reader's language: the line shown while the server cannot be reached (a restart, the
 * venue's network) and the notices of a server error or disabled cookies. Vaadin's defaults are English only
 * ("Server connection lost, trying to reconnect..."). A language switch reloads the page, so a new page's texts follow
 * the session's language.
 */
@Component
class VaadinMessages implements VaadinServiceInitListener {

    private final I18NProvider i18n;

    VaadinMessages(I18NProvider i18n) {
        this.i18n = i18n;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> reconnectTexts(init.getUI()));
        event.getSource().setSystemMessagesProvider(info -> {
            Locale locale = info.getLocale() == null ? Languages.RUSSIAN : info.getLocale();
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setInternalErrorCaption(t("error.title", locale));
            messages.setInternalErrorMessage(t("system.reload", locale));
            messages.setCookiesDisabledCaption(t("system.cookies.caption", locale));
            messages.setCookiesDisabledMessage(t("system.cookies", locale));
            return messages;
        });
    }

    /** The line shown while the server cannot be reached, in the language of the tab's session. */
    void reconnectTexts(UI ui) {
        Locale locale = ui.getSession().getLocale();
        ReconnectDialogConfiguration reconnect = ui.getReconnectDialogConfiguration();
        reconnect.setDialogText(t("connection.lost", locale));
        reconnect.setDialogTextGaveUp(t("connection.gave-up", locale));
    }

    private String t(String key, Locale locale) {
        return i18n.getTranslation(key, locale);
    }
}
