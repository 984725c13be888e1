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
 * the socket time-out (60 s) for a statement already sent (docs/operations.md).
 * <p>
 * The words are written into a status element of the page ({@value #STATUS_ID}, {@code role="status"}) by the browser
 * itself when the bar reaches its third stage, and taken out when it hides: the server is the one not answering, so it
 * cannot. A screen reader announces a status element's new text; until ux70 the words were drawn by forum.css as the
 * body's {@code ::after} content, which a blind user at a frozen database never heard. The element is in the page
 * from the start, empty (a live region added with its text is not announced by every screen reader); forum.css shows
 * it only with words in it.
 */
@Component
class SlowAnswerWords implements VaadinServiceInitListener {

    static final String STATUS_ID = "slow-answer-status";

    /**
     * Puts the status element into the body once (each page load has a new UI: the words of its language replace the
     * previous ones) and watches the loading bar's classes and style, as forum.css watched them before.
     */
    static final String WATCH = """
            const words = $0;
            let status = document.getElementById('%1$s');
            if (!status) {
              status = document.createElement('div');
              status.id = '%1$s';
              status.setAttribute('role', 'status');
              status.setAttribute('aria-live', 'polite');
              document.body.appendChild(status);
            }
            status.dataset.words = words;
            if (window.forumSlowAnswerWatch) {
              return;
            }
            window.forumSlowAnswerWatch = true;
            const tell = () => {
              const bar = document.querySelector('vaadin-connection-indicator .v-loading-indicator');
              const slow = !!bar && bar.classList.contains('third') && bar.style.display !== 'none';
              const shown = document.getElementById('%1$s');
              if (!shown) {
                return;
              }
              const text = slow ? shown.dataset.words : '';
              if (shown.textContent !== text) {
                shown.textContent = text;
              }
            };
            const watch = indicator => new MutationObserver(tell).observe(indicator,
                {subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'style']});
            const indicator = document.querySelector('vaadin-connection-indicator');
            if (indicator) {
              watch(indicator);
            } else {
              const waiting = new MutationObserver(() => {
                const found = document.querySelector('vaadin-connection-indicator');
                if (found) {
                  waiting.disconnect();
                  watch(found);
                  tell();
                }
              });
              waiting.observe(document.body, {childList: true});
            }
            """.formatted(STATUS_ID);

    private final I18NProvider i18n;

    SlowAnswerWords(I18NProvider i18n) {
        this.i18n = i18n;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> install(init.getUI()));
    }

    void install(UI ui) {
        ui.getPage().executeJs(WATCH, i18n.getTranslation("loading.slow", ui.getSession().getLocale()));
    }
}
