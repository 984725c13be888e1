package org.b2bforum.base.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
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

    /**
     * Logs in the account just made on this page (a delegate's invitation accepted), as the log-in form would: the
     * session keeps its contents under a new id (session fixation, as Spring Security's own log-in does), and holds the
     * user from then on. Only on a page nobody is logged in to: a representative who opened their delegate's link stays
     * themselves. Nothing is counted or recorded for the log-in throttle; the account's rules (an enabled account, not
     * a demo one outside the demo mode) are those of the log-in form.
     *
     * @return whether the user is now logged in; false when someone is already, or there is no page's request
     */
    public boolean logInNewAccount(AccountService accounts, long accountId) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof ForumUser) {
            return false;
        }
        if (!(VaadinRequest.getCurrent() instanceof VaadinServletRequest request)) {
            return false;
        }
        ForumUser user = accounts.emailOfEnabled(accountId).map(accounts::loadUserByUsername)
                .filter(ForumUser::isEnabled).orElse(null);
        if (user == null) {
            return false;
        }
        user.eraseCredentials(); // as the log-in form's authentication leaves it in the session
        // a new HTTP session with the old one's attributes, the Vaadin session moved along (Vaadin's own way; the old
        // session is invalidated, its id good for nothing)
        VaadinService.reinitializeSession(request);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        request.getWrappedSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        return true;
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
