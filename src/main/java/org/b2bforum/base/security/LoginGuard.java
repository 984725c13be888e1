package org.b2bforum.base.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the log-in form: refuses log-ins for a locked e-mail or from a locked address before the
 * password is checked (sending the browser to {@code /login?locked=<minutes>}), and records every
 * attempt with its outcome. The outcomes come from Spring Security's authentication events.
 */
@Component
public class LoginGuard {

    static final String LOGIN_PATH = "/login";

    private final LoginThrottle throttle;
    private final LoginRecords records;

    LoginGuard(LoginThrottle throttle, LoginRecords records) {
        this.throttle = throttle;
        this.records = records;
    }

    /** The filter to put before the log-in form's filter; not a bean, so that it runs only in the security chain. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if ("POST".equals(request.getMethod())
                        && LOGIN_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
                    String email = request.getParameter("username");
                    String address = request.getRemoteAddr();
                    Optional<Duration> locked = throttle.loginLocked(email, address);
                    if (locked.isPresent()) {
                        records.record(email, address, LoginOutcome.LOCKED);
                        response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?locked="
                                + LoginThrottle.minutes(locked.get()));
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
            throttle.loginSucceeded(authentication.getName());
            records.record(authentication.getName(), details.getRemoteAddress(), LoginOutcome.SUCCESS);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            String address = details.getRemoteAddress();
            throttle.loginFailed(authentication.getName(), address);
            records.record(authentication.getName(), address,
                    event.getException() instanceof DisabledException ? LoginOutcome.DISABLED : LoginOutcome.FAILURE);
        }
    }
}
