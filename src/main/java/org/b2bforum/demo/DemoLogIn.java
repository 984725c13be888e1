package org.b2bforum.demo;

import org.b2bforum.base.security.ForumUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The demo's loaders act as the users whose steps they take: the services check who is asking, for them too. */
final class DemoLogIn {

    private DemoLogIn() {
    }

    /** This thread acts as {@code user} until the next call. */
    static void as(ForumUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
