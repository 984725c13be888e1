package org.b2bforum.base.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/** Who is asking: the services' view of the authenticated user. */
@Component
public class CurrentUser {

    public Optional<ForumUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ForumUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** Puts this user in place of the logged-in one, in this request and in the session it is stored in. */
    void replace(ForumUser user) {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication current = context.getAuthentication();
        UsernamePasswordAuthenticationToken replaced = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        replaced.setDetails(current == null ? null : current.getDetails());
        context.setAuthentication(replaced);
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }

    public ForumUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
    }

    /** The company of the logged-in company representative; refused to anyone else. */
    public long requireCompanyId() {
        ForumUser user = require();
        if (user.companyId() == null) {
            throw new AccessDeniedException("Not a company representative");
        }
        return user.companyId();
    }

    /** The delegate of the logged-in delegate account; refused to anyone else. */
    public long requireDelegateId() {
        ForumUser user = require();
        if (user.delegateId() == null) {
            throw new AccessDeniedException("Not a delegate");
        }
        return user.delegateId();
    }
}
