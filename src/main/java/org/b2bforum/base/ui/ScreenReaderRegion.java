package org.b2bforum.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Vaadin's fields read their error messages out through one hidden live region at the end of the page, which keeps
 * the last one: after a corrected "Пароли не совпадают" and a successful submit, a screen reader's user still found
 * it there (registration, ux45; the reset and invitation pages, ux47). A page that has succeeded says so there.
 */
public final class ScreenReaderRegion {

    private ScreenReaderRegion() {
    }

    /** Replaces what the page's hidden live regions last said with {@code text}. */
    public static void replaceLastAnnouncement(Component page, String text) {
        page.getElement().executeJs("""
                for (const region of document.querySelectorAll('body > div[aria-live], body > div[role=alert]')) {
                  if (region.style.position === 'fixed' && region.style.clip) {
                    region.textContent = $0;
                  }
                }""", text);
    }
}
