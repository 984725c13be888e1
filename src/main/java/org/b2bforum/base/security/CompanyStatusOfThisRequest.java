package org.b2bforum.base.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The registration status of the logged-in company, as the session check read it at the start of this HTTP request
 * (in the same statement, {@link AccountService#checkSession}), for the company feature's approval checks of the
 * same request: they were a statement of their own in every navigation and every directory search, two of a booking
 * rush click's seventeen (bench/README.md, issue 17). The status is the company feature's word (a name of its
 * {@code RegistrationStatus}); this class only carries it. Nothing outlives the request.
 */
public final class CompanyStatusOfThisRequest {

    private static final String ATTRIBUTE = CompanyStatusOfThisRequest.class.getName() + ".";

    private CompanyStatusOfThisRequest() {
    }

    static void remember(HttpServletRequest request, long companyId, String status) {
        request.setAttribute(ATTRIBUTE + companyId, status);
    }

    /** The status read with this request's session check, if this request made one for that company. */
    public static Optional<String> read(long companyId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? Optional.empty()
                : Optional.ofNullable((String) request.getAttribute(ATTRIBUTE + companyId, RequestAttributes.SCOPE_REQUEST));
    }

    /** The company's status changed in this request: what the session check read no longer holds. */
    public static void forget(long companyId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(ATTRIBUTE + companyId, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
