package org.b2bforum.base.ops;

import java.io.IOException;

import org.b2bforum.base.database.DatabaseUnavailable;
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

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <meta http-equiv="refresh" content="30"><title>Временно недоступно · Temporarily unavailable</title></head>
            <body style="font-family:sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
            <h1>Сервис временно недоступен</h1>
            <p>Ваши данные в сохранности. Попробуйте ещё раз через минуту.</p>
            <h1 lang="en">The service is temporarily unavailable</h1>
            <p lang="en">Your data is safe. Please try again in a minute.</p>
            </body></html>
            """;

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
            writePage(response);
        }
    }

    static void writePage(HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "30");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(PAGE);
    }
}
