package org.b2bforum.base.i18n;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code ?lang=en} or {@code ?lang=ru} on any page opened in the browser chooses the language as the RU|EN switch
 * does: the cookie is set on the answer, and the request is read as if it had carried it already, so that this very
 * page (a new session's locale, the page's {@code <html lang>}) is in that language; an open session follows at the
 * page's UI (LocaleInitListener). A first-time English visitor or an e-mail's link landed on Russian pages before.
 * Only GET's query string is read (a form's body is not): the value is compared as it stands, never decoded, so a
 * query Tomcat cannot decode is left to {@code MalformedQueryFilter}, which runs first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class LanguageParameterFilter extends OncePerRequestFilter {

    static final String PARAMETER = "lang";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Locale> asked = "GET".equals(request.getMethod()) ? asked(request.getQueryString()) : Optional.empty();
        if (asked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Cookie chosen = Languages.cookie(asked.get());
        response.addCookie(chosen);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Cookie[] getCookies() {
                Cookie[] others = super.getCookies() == null ? new Cookie[0] : super.getCookies();
                return Stream.concat(Arrays.stream(others).filter(c -> !Languages.COOKIE.equals(c.getName())),
                        Stream.of(chosen)).toArray(Cookie[]::new);
            }
        }, response);
    }

    /** The language a query string asks for: the last {@code lang=} with a language of the UI, none otherwise. */
    static Optional<Locale> asked(String query) {
        if (query == null) {
            return Optional.empty();
        }
        Optional<Locale> asked = Optional.empty();
        for (String pair : query.split("&")) {
            if (pair.startsWith(PARAMETER + "=")) {
                Optional<Locale> language = Languages.byLanguage(pair.substring(PARAMETER.length() + 1));
                if (language.isPresent()) {
                    asked = language;
                }
            }
        }
        return asked;
    }
}
