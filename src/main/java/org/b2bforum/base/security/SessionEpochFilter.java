package org.b2bforum.base.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * the session expired and the browser lands on the log-in page. One primary-key look-up per request, which also reads
 * the company's registration status for the request's approval checks ({@link CompanyStatusOfThisRequest}) and the
 * forum's wishes phase for its pages ({@link WishesPhaseOfThisRequest}); a check of the same log-in on this node that
 * found the session valid less than 2 s before is taken instead ({@link RecentSessionChecks}: what stays exact, what
 * another node sees how late).
 * <p>
 * While the database cannot be reached the check cannot be made, and the request goes on: its own reads fail the same
 * way, and Vaadin's handling says "temporarily unavailable" in the page (a notification after a click, the error view
 * after a navigation). Before, the check's failure answered a Vaadin request with the 503 page, which Vaadin's client
 * takes for a server gone: "no connection to the server, reconnecting" over the page for the whole outage (review46).
 * <p>
 * While the database is up but no pooled connection comes within the pool's time-out (every one busy at the booking
 * rush, or the database not answering at all: {@link PoolExhausted}), the request does not go on unchecked, since its
 * own work may find a connection a moment later and a session ended meanwhile would act once more (review50). It waits
 * for the check instead, asking the pool again, up to {@code busyWait}: to the browser a slow answer under Vaadin's
 * loading bar, and the page carries on by itself once the check is made (review54). A non-2xx answer to a click would
 * not do: Vaadin 25.2's client sends the click again and it goes through, but its "no connection to the server,
 * reconnecting" bar stays up until the next click, since the client ends it through the loading count that setting
 * "reconnecting" zeroed (review51's 503, reverted; seen in Chromium, docs/security.md). Past {@code busyWait} the
 * request is refused in the way its kind recovers from by itself: a click is answered Vaadin's refresh token, so the
 * page loads again (and that load waits for the check in turn), a page or a download the busy page, which loads itself
 * again after a few seconds. A heartbeat neither waits nor is refused ({@link #isHeartbeat}).
 * <p>
 * At most {@code maxWaiting} requests wait at once ({@link SessionCheckWaiting}): in a long freeze of the database the
 * rest are refused at once as when the wait runs out, so that the server's threads stay free for what needs no
 * database (the log-in page, the busy page itself, static files, the health probes; review58).
 */
class SessionEpochFilter extends OncePerRequestFilter {

    /** Seconds a page or a download refused as busy waits before it asks again by itself. */
    static final int BUSY_RETRY_SECONDS = 10;

    /** A pause between two of the check's tries, should the pool refuse at once rather than after its time-out. */
    private static final long PAUSE_MILLIS = 100;

    /** The parameter naming a Vaadin request's kind ({@code ApplicationConstants.REQUEST_TYPE_PARAMETER}). */
    private static final String VAADIN_REQUEST_TYPE = "v-r";

    private enum Check { VALID, ENDED, BUSY }

    private final AccountService accounts;
    private final SecurityContextHolderStrategy contexts;
    private final I18NProvider i18n;
    private final Duration busyWait;
    private final SessionCheckWaiting waiting;
    private final RecentSessionChecks recent;

    SessionEpochFilter(AccountService accounts, SecurityContextHolderStrategy contexts, I18NProvider i18n,
            Duration busyWait, int maxWaiting, RecentSessionChecks recent) {
        this.accounts = accounts;
        this.recent = recent;
        this.contexts = contexts;
        this.i18n = i18n;
        this.busyWait = busyWait;
        this.waiting = new SessionCheckWaiting(maxWaiting);
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
            boolean heartbeat = isHeartbeat(request);
            Check check = check(user, request, !heartbeat);
            if (check == Check.BUSY && !heartbeat) {
                refuse(request, response);
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

    /**
     * A heartbeat only keeps the open page alive: it acts on nothing in the user's name, so it does not wait for a busy
     * pool and goes on, and open tabs' heartbeats (one a minute each) do not pile up on the server's threads while the
     * database does not answer. The session's next click is checked. The kind is read as Vaadin reads it (the first
     * value of the parameter {@code v-r} in the address): a click whose address merely contains "v-r=heartbeat" elsewhere went on
     * unchecked before (review55).
     */
    private static boolean isHeartbeat(HttpServletRequest request) {
        return "heartbeat".equals(vaadinRequestType(request));
    }

    /**
     * Vaadin's kind of the request ({@code uidl}, {@code heartbeat}, ...) as its servlet reads it, the first value of the
     * parameter {@code v-r}, which its client puts in the address; null for others. Read from the address alone, as the
     * container reads it (names and values decoded) but without {@code getParameter}, which would read a form's body
     * here, before the request's size limit ({@code RequestSizeLimit}) and whoever reads the body after. A value not
     * decodable is no heartbeat: such a request waits for its check.
     */
    private static String vaadinRequestType(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        try {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                if (VAADIN_REQUEST_TYPE.equals(name)) {
                    return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /**
     * Asks until the pool gives a connection or the busy wait has passed ({@code mayWait}; else one try); each try waits
     * the pool's time-out. Past the first, the request waits only in a free place of {@link #waiting}; with none free,
     * it does not even try.
     */
    private Check check(ForumUser user, HttpServletRequest request, boolean mayWait) {
        if (waiting.full()) {
            return Check.BUSY;
        }
        long deadline = System.nanoTime() + (mayWait ? busyWait : Duration.ZERO).toNanos();
        boolean placed = false;
        try {
            while (true) {
                try {
                    AccountService.SessionCheck check = recent.valid(user);
                    if (check == null) {
                        long before = recent.beforeReading();
                        long readAt = recent.now();
                        check = accounts.checkSession(user);
                        waiting.served();
                        recent.keep(user, check, readAt, before);
                    }
                    if (check.valid() && user.companyId() != null && check.companyStatus() != null) {
                        // the request's approval checks take it from here instead of reading it again (issue 17)
                        CompanyStatusOfThisRequest.remember(request, user.companyId(), check.companyStatus());
                    }
                    if (check.valid() && check.wishesPhase() != null) {
                        // the pages of this request ask it when they open (the directory's cards): no read of its own
                        WishesPhaseOfThisRequest.remember(request, check.wishesPhase());
                    }
                    return check.valid() ? Check.VALID : Check.ENDED;
                } catch (RuntimeException e) {
                    if (PoolExhausted.isCause(e)) {
                        if (!placed) {
                            placed = mayWait && waiting.enter();
                        }
                        if (!placed || System.nanoTime() - deadline >= 0 || !pause()) {
                            return Check.BUSY;
                        }
                    } else if (DatabaseUnavailable.isCause(e)) {
                        return Check.VALID;
                    } else {
                        throw e;
                    }
                }
            }
        } finally {
            if (placed) {
                waiting.leave();
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Nothing logged: the pool's time-outs are a metric. */
    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", SecurityConfiguration.NOT_CACHED);
        if ("uidl".equals(vaadinRequestType(request))) {
            // Vaadin's client reloads the page on this answer to a click (DefaultConnectionStateHandler's refresh
            // token), rather than taking it for a server gone
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Vaadin-Refresh");
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(BUSY_RETRY_SECONDS));
        Locale first = Languages.chosenIn(request.getCookies());
        Locale second = Languages.ENGLISH.equals(first) ? Languages.RUSSIAN : Languages.ENGLISH;
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
