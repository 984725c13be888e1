package org.b2bforum.base.ops;

import java.io.IOException;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Requests outside Vaadin (calendar files, logos, badges) that fail because the database cannot be
 * reached get a 503 page in Russian and English instead of an error page with a stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private static final String RUSSIAN = """
            <h1 lang="ru">Сервис временно недоступен</h1>
            <p lang="ru">Ваши данные в сохранности. Попробуйте ещё раз через минуту.</p>
            """;
    private static final String ENGLISH = """
            <h1 lang="en">The service is temporarily unavailable</h1>
            <p lang="en">Your data is safe. Please try again in a minute.</p>
            """;

    /** The page in Russian and English, the visitor's language first (RU unless they chose English). */
    static final String PAGE = page("ru", "Временно недоступно · Temporarily unavailable", RUSSIAN, ENGLISH);
    static final String PAGE_ENGLISH_FIRST = page("en", "Temporarily unavailable · Временно недоступно", ENGLISH,
            RUSSIAN);

    private static String page(String language, String title, String first, String second) {
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <meta http-equiv="refresh" content="30"><title>%s</title></head>
                <body style="font-family:sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
                %s%s</body></html>
                """.formatted(language, title, first, second);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            // the path without its token: a calendar app keeps asking for its feed link while the database is away
            log.warn("Database unavailable for {}: {}", Tokens.redactedPath(request.getRequestURI()), e.toString());
            writePage(request, response);
        }
    }

    static void writePage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "30");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(Languages.ENGLISH.equals(Languages.chosenIn(request.getCookies()))
                ? PAGE_ENGLISH_FIRST : PAGE);
    }
}
