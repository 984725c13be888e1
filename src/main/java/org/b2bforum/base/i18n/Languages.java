package org.b2bforum.base.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;

/** The UI languages and the visitor's choice, kept in a cookie. Russian unless chosen otherwise. */
public final class Languages {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");
    public static final Locale ENGLISH = Locale.forLanguageTag("en-GB");
    public static final List<Locale> ALL = List.of(RUSSIAN, ENGLISH);

    static final String COOKIE = "b2bforum-lang";

    private Languages() {
    }

    static Locale fromRequest(VaadinRequest request) {
        return chosenIn(request == null ? null : request.getCookies());
    }

    /** The language the visitor chose, from a request's cookies: Russian unless English was chosen. */
    public static Locale chosenIn(Cookie[] cookies) {
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return byLanguage(cookie.getValue()).orElse(RUSSIAN);
                }
            }
        }
        return RUSSIAN;
    }

    static Optional<Locale> byLanguage(String language) {
        return ALL.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst();
    }

    /** Switches the current session to the locale, remembers it in a cookie and re-renders the page. */
    public static void switchTo(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        VaadinResponse response = VaadinService.getCurrentResponse();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        UI ui = UI.getCurrent();
        ui.setLocale(locale);
        ui.getPage().reload();
    }
}
