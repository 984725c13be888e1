package org.b2bforum.base.ops;

import java.io.IOException;

import org.b2bforum.base.database.DatabaseUnavailable;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A log-in that fails because the accounts could not be read (the database is down) sends the user
 * to {@code /login?unavailable} ("temporarily unavailable, try again in a minute") rather than
 * {@code /login?error} ("check your e-mail and password").
 */
public final class UnavailableAwareLoginFailureHandler implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler wrongCredentials;
    private final AuthenticationFailureHandler unavailable = new SimpleUrlAuthenticationFailureHandler(
            "/login?unavailable");

    public UnavailableAwareLoginFailureHandler(AuthenticationFailureHandler wrongCredentials) {
        this.wrongCredentials = wrongCredentials;
    }

    public UnavailableAwareLoginFailureHandler() {
        this(new SimpleUrlAuthenticationFailureHandler("/login?error"));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof InternalAuthenticationServiceException || DatabaseUnavailable.isCause(exception)) {
            unavailable.onAuthenticationFailure(request, response, exception);
        } else {
            wrongCredentials.onAuthenticationFailure(request, response, exception);
        }
    }
}
