package org.b2bforum.base.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Whether the forum collects meeting wishes, as the session check read it at the start of this HTTP request (in the
 * same statement, {@link AccountService#checkSession}), for the pages of the same request: the directory asks it at
 * each opening to choose its cards' button, a statement of its own in each opening, one of a booking rush user's twelve
 * (bench/README.md, issue 17). Read at the same point of the same request as before, a few milliseconds earlier, so
 * as fresh on every node; nothing outlives the request. The booking settings' owner forgets it when it changes them in
 * the request.
 */
public final class WishesPhaseOfThisRequest {

    private static final String ATTRIBUTE = WishesPhaseOfThisRequest.class.getName();

    private WishesPhaseOfThisRequest() {
    }

    static void remember(HttpServletRequest request, boolean collectingWishes) {
        request.setAttribute(ATTRIBUTE, collectingWishes);
    }

    /** The wishes phase read with this request's session check, if this request made one. */
    public static Optional<Boolean> read() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? Optional.empty()
                : Optional.ofNullable((Boolean) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** The booking settings changed in this request: what the session check read no longer holds. */
    public static void forget() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
