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
        return cookieIn(cookies).orElse(RUSSIAN);
    }

    /** The language a request's cookie names, if it names one of the UI's. */
    static Optional<Locale> cookieIn(Cookie[] cookies) {
        return cookies == null ? Optional.empty()
                : java.util.Arrays.stream(cookies).filter(cookie -> COOKIE.equals(cookie.getName())).findFirst()
                        .flatMap(cookie -> byLanguage(cookie.getValue()));
    }

    /** The cookie that remembers the language for this browser, a year. */
    static Cookie cookie(Locale locale) {
        Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        return cookie;
    }

    static Optional<Locale> byLanguage(String language) {
        return ALL.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst();
    }

    /** Switches the current session to the locale, remembers it in a cookie and re-renders the page. */
    public static void switchTo(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        VaadinResponse response = VaadinService.getCurrentResponse();
        if (response != null) {
            response.addCookie(cookie(locale));
        }
        UI ui = UI.getCurrent();
        ui.setLocale(locale);
        ui.getPage().reload();
    }
}
