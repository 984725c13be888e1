package org.b2bforum.base.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose user has sent nothing but Vaadin heartbeats for the session timeout. An open
 * tab sends a heartbeat every few minutes, which keeps the HTTP session alive forever; Vaadin's own
 * {@code closeIdleSessions} then closes only the Vaadin session and leaves the log-in in the HTTP
 * session, so the next click simply logged the user in again (seen in Chromium). Measured here on
 * every request, the session is invalidated once idle and the browser lands on the log-in page.
 */
class IdleSessionFilter extends OncePerRequestFilter {

    static final String LAST_ACTIVITY = IdleSessionFilter.class.getName() + ".lastActivity";

    private final Duration timeout;
    private final SecurityContextHolderStrategy contexts;
    private final Clock clock;

    IdleSessionFilter(Duration timeout, SecurityContextHolderStrategy contexts, Clock clock) {
        this.timeout = timeout;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            long now = clock.millis();
            Long last = (Long) session.getAttribute(LAST_ACTIVITY);
            if (last != null && now - last >= timeout.toMillis()) {
                session.invalidate();
                contexts.clearContext();
            } else if (last == null || !isHeartbeat(request)) {
                session.setAttribute(LAST_ACTIVITY, now);
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isHeartbeat(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && query.contains("v-r=heartbeat");
    }
}
