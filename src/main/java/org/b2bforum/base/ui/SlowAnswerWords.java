package org.b2bforum.base.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Words under Vaadin's loading bar while a click waits long (its third stage, after 5 s): "the service is answering
 * slowly, wait, the page will say how it ended". Until review66 such a click showed only the bar for as long as it
 * waited: up to 45 s for its session check while the database was frozen, then a reload into the busy page, or up to
 * the socket time-out (60 s) for a statement already sent (docs/operations.md). The words are the page's language,
 * given to forum.css as the custom property {@value #PROPERTY} of the page's body; the style shows them.
 */
@Component
class SlowAnswerWords implements VaadinServiceInitListener {

    static final String PROPERTY = "--forum-slow-answer";

    private final I18NProvider i18n;

    SlowAnswerWords(I18NProvider i18n) {
        this.i18n = i18n;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> install(init.getUI()));
    }

    void install(UI ui) {
        String words = i18n.getTranslation("loading.slow", ui.getSession().getLocale());
        ui.getElement().getStyle().set(PROPERTY, "\"" + words.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
}
