package org.b2bforum.base.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a user whose account was disabled, or whose password was changed or reset,
 * since they logged in: on their next request of any kind (a page, a Vaadin UIDL or heartbeat
 * request), the session is invalidated and the request goes on anonymously, so that Vaadin reports
 * the session expired and the browser lands on the log-in page. One primary-key look-up per request, which also reads
 * the company's registration status for the request's approval checks ({@link CompanyStatusOfThisRequest}).
 * <p>
 * While the database cannot be reached the check cannot be made, and the request goes on: its own reads fail the same
 * way, and Vaadin's handling says "temporarily unavailable" in the page (a notification after a click, the error view
 * after a navigation). Before, the check's failure answered a Vaadin request with the 503 page, which Vaadin's client
 * takes for a server gone: "no connection to the server, reconnecting" over the page for the whole outage (review46).
 */
class SessionEpochFilter extends OncePerRequestFilter {

    private final AccountService accounts;
    private final SecurityContextHolderStrategy contexts;

    SessionEpochFilter(AccountService accounts, SecurityContextHolderStrategy contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    /** Static files (styles, icons, Vaadin's bundle) hold nothing of anyone's: no look-up for them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/VAADIN/") || path.startsWith("/styles/") || path.startsWith("/images/")
                || path.startsWith("/icons/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ForumUser user
                && !stillValidOrUnknown(user, request)) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            contexts.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean stillValidOrUnknown(ForumUser user, HttpServletRequest request) {
        try {
            AccountService.SessionCheck check = accounts.checkSession(user);
            if (check.valid() && user.companyId() != null && check.companyStatus() != null) {
                // the request's approval checks take it from here instead of reading it again (issue 17)
                CompanyStatusOfThisRequest.remember(request, user.companyId(), check.companyStatus());
            }
            return check.valid();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                return true;
            }
            throw e;
        }
    }
}
