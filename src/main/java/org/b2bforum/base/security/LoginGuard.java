package org.b2bforum.base.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the log-in form and HTTP Basic log-ins: refuses log-ins for a locked e-mail or from a
 * locked address before the password is checked (sending the browser to {@code /login?locked=<minutes>}), and records every
 * attempt with its outcome. The outcomes come from Spring Security's authentication events.
 */
@Component
public class LoginGuard {

    static final String LOGIN_PATH = "/login";
    /**
     * The session's attribute with the e-mail typed at the last log-in that failed or was refused, so that the log-in
     * page shows it again ({@code LoginView}); only what looks like an e-mail, never a password typed into that field.
     */
    public static final String TYPED_EMAIL = "b2bforum.login.typed-email";
    /**
     * When the lock this browser was refused by ends (an {@link java.time.Instant}), for the log-in page to say how long
     * to wait: the page never takes that number from its address, which anyone could write into a link.
     */
    public static final String LOCKED_UNTIL = "b2bforum.login.locked-until";

    private final LoginThrottle throttle;

    LoginGuard(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** The filter to put before the log-in form's filter; not a bean, so that it runs only in the security chain. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if ("POST".equals(request.getMethod())
                        && LOGIN_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
                    Optional<Duration> locked = throttle.loginRefused(request.getParameter("username"),
                            request.getRemoteAddr());
                    if (locked.isPresent()) {
                        rememberTyped(request);
                        // into the session the log-in page opened (no new one for a post without it: a refused
                        // log-in must not cost the node a session)
                        HttpSession session = request.getSession(false);
                        if (session != null) {
                            session.setAttribute(LOCKED_UNTIL, java.time.Instant.now().plus(locked.get()));
                        }
                        response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?locked="
                                + LoginThrottle.minutes(locked.get()));
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /**
     * The e-mail typed, for the log-in page after a log-in refused here or failed ({@code SecurityConfiguration}'s
     * failure handler): a successful log-in keeps nothing.
     */
    static void rememberTyped(HttpServletRequest request) {
        String typed = request.getParameter("username");
        if (LoginRecords.looksLikeEmail(typed)) {
            request.getSession().setAttribute(TYPED_EMAIL, typed.trim());
        } else if (request.getSession(false) != null) {
            request.getSession(false).removeAttribute(TYPED_EMAIL);
        }
    }

    /**
     * The same lock for log-ins by HTTP Basic (the metrics endpoints), which would otherwise let a
     * password be guessed without limit: a locked e-mail or address is answered 429 before the
     * password is checked. To put before the Basic authentication filter of that chain.
     */
    public OncePerRequestFilter basicFilter() {
        BasicAuthenticationConverter converter = new BasicAuthenticationConverter();
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                UsernamePasswordAuthenticationToken basic;
                try {
                    basic = converter.convert(request);
                } catch (AuthenticationException malformed) {
                    basic = null; // the Basic filter itself refuses it
                }
                if (basic != null) {
                    Optional<Duration> locked = throttle.loginRefused(basic.getName(), request.getRemoteAddr());
                    if (locked.isPresent()) {
                        response.setHeader("Retry-After", Long.toString(locked.get().toSeconds() + 1));
                        response.setStatus(429);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getDetails() instanceof WebAuthenticationDetails details) {
            // a metrics scraper logs in by HTTP Basic at every scrape (thousands a day): only its
            // failures are worth a record, and a success that clears some
            if (byHttpBasic()) {
                throttle.basicLoginSucceeded(authentication.getName(), details.getRemoteAddress());
            } else {
                throttle.loginSucceeded(authentication.getName(), details.getRemoteAddress());
            }
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication authentication = event.getAuthentication();
        // the accounts could not be read (the database is down): no password was wrong, and people
        // retrying through an outage must not lock themselves out
        if (event.getException() instanceof InternalAuthenticationServiceException) {
            return;
        }
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            throttle.loginFailed(authentication.getName(), details.getRemoteAddress(),
                    event.getException() instanceof DisabledException ? LoginOutcome.DISABLED : LoginOutcome.FAILURE);
        }
    }

    private static boolean byHttpBasic() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && StringUtils.startsWithIgnoreCase(attributes.getRequest().getHeader("Authorization"), "Basic ");
    }
}
