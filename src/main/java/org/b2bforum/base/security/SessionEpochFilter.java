package org.b2bforum.base.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.b2bforum.base.i18n.Languages;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Ends the session of a user whose account was disabled, or whose password was changed or reset,
 * since they logged in: on their next request of any kind (a page, a Vaadin UIDL or heartbeat
 * request), the session is invalidated and the request goes on anonymously, so that Vaadin reports
 * the session expired and the browser lands on the log-in page. One primary-key look-up per request.
 * <p>
 * While the database cannot be reached the check cannot be made, and the request goes on: its own reads fail the same
 * way, and Vaadin's handling says "temporarily unavailable" in the page (a notification after a click, the error view
 * after a navigation). Before, the check's failure answered a Vaadin request with the 503 page, which Vaadin's client
 * takes for a server gone: "no connection to the server, reconnecting" over the page for the whole outage (review46).
 * <p>
 * While the database is up but every pooled connection is busy (the booking rush), the request does not go on
 * unchecked: its own work may well find a connection a moment later, and a session ended meanwhile would act once more
 * (review51). It is answered 503 "busy, try again": Vaadin's client sends the same message again at once and then every
 * few seconds ("trying again" meanwhile), and the page goes on once the check gets a connection.
 */
class SessionEpochFilter extends OncePerRequestFilter {

    /** Seconds a page or a download refused as busy waits before it asks again by itself. */
    static final int BUSY_RETRY_SECONDS = 10;

    private enum Check { VALID, ENDED, BUSY }

    private final AccountService accounts;
    private final SecurityContextHolderStrategy contexts;
    private final I18NProvider i18n;

    SessionEpochFilter(AccountService accounts, SecurityContextHolderStrategy contexts, I18NProvider i18n) {
        this.accounts = accounts;
        this.contexts = contexts;
        this.i18n = i18n;
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
        if (authentication != null && authentication.getPrincipal() instanceof ForumUser user) {
            Check check = check(user);
            if (check == Check.BUSY) {
                answerBusy(request, response);
                return;
            }
            if (check == Check.ENDED) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                contexts.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    private Check check(ForumUser user) {
        try {
            return accounts.sessionStillValid(user) ? Check.VALID : Check.ENDED;
        } catch (RuntimeException e) {
            if (PoolExhausted.isCause(e)) {
                return Check.BUSY;
            }
            if (DatabaseUnavailable.isCause(e)) {
                return Check.VALID;
            }
            throw e;
        }
    }

    /** 503 in the visitor's language first, then the other; nothing logged: the pool's time-outs are a metric. */
    private void answerBusy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale first = Languages.chosenIn(request.getCookies());
        Locale second = Languages.ENGLISH.equals(first) ? Languages.RUSSIAN : Languages.ENGLISH;
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(BUSY_RETRY_SECONDS));
        response.setHeader("Cache-Control", SecurityConfiguration.NOT_CACHED);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <meta http-equiv="refresh" content="%d"><title>%s</title></head>
                <body style="font-family:sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
                %s%s</body></html>
                """.formatted(first.getLanguage(), BUSY_RETRY_SECONDS, t("busy.requests.title", first), busy(first),
                busy(second)));
    }

    private String busy(Locale locale) {
        return "<h1 lang=\"%s\">%s</h1>\n<p lang=\"%s\">%s</p>\n".formatted(locale.getLanguage(),
                t("busy.requests.title", locale), locale.getLanguage(), t("busy.requests.message", locale));
    }

    private String t(String key, Locale locale) {
        return i18n.getTranslation(key, locale);
    }
}
