package org.b2bforum.base.ui;

import java.util.Locale;

import org.b2bforum.base.i18n.Languages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** "RU | EN": switches the UI language for this browser. */
public class LanguageSwitch extends HorizontalLayout {

    public LanguageSwitch() {
        setSpacing(false);
        setAlignItems(Alignment.CENTER);
        addClassName("language-switch");
        getElement().setAttribute("aria-label", "Язык / Language");
        for (Locale locale : Languages.ALL) {
            Button button = new Button(locale.getLanguage().toUpperCase(Locale.ROOT), e -> Languages.switchTo(locale));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.SMALL);
            button.setId("lang-" + locale.getLanguage());
            button.getElement().setAttribute("lang", locale.getLanguage());
            button.getElement().setAttribute("title", locale.getDisplayLanguage(locale));
            if (locale.getLanguage().equals(getLocale().getLanguage())) {
                button.addClassName("active");
                button.getElement().setAttribute("aria-current", "true");
            }
            if (getComponentCount() > 0) {
                add(new Span("|"));
            }
            add(button);
        }
    }
}
