package org.b2bforum.base.security;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.vaadin.flow.server.VaadinRequest;

/**
 * The address of the client of the request being served, as {@code getRemoteAddr()} reports it.
 * Behind a reverse proxy that is the proxy's address unless {@code server.forward-headers-strategy}
 * is set (see docs/security.md). Null outside a request (start-up, the demo data, background jobs).
 */
public final class ClientAddress {

    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return capped(attributes.getRequest().getRemoteAddr());
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : capped(request.getRemoteAddr());
    }

    static String capped(String address) {
        return address == null || address.length() <= MAX_LENGTH ? address : address.substring(0, MAX_LENGTH);
    }
}
