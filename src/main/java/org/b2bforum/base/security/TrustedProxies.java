package org.b2bforum.base.security;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Says at the start when {@code SERVER_FORWARD_HEADERS_STRATEGY=native} trusts {@code X-Forwarded-For} from Tomcat's
 * default ranges (every private, loopback and link-local address) rather than from the proxy alone: any client on such
 * an address (the venue's or the office's network, this machine) then picks its own address with the header and escapes
 * every per-address limit of {@link LoginThrottle}. Tried over HTTP by ops52 (docs/security.md, "Client address").
 * {@code framework} (Spring's {@code ForwardedHeaderFilter}) trusts the header from any client at all: said too (until
 * mend52a only {@code native} was).
 * <p>
 * And says once, at the first request that reaches the application still carrying {@code X-Forwarded-For}, that the
 * header was not read: Tomcat's valve and Spring's filter remove it when they read it, so one left means no strategy,
 * or a proxy whose address the pattern misses (nginx over {@code ::1} with {@code 127\.0\.0\.1}): every client then
 * has the proxy's address and 20 failures lock the venue's log-in. Runs after Spring's {@code ForwardedHeaderFilter}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class TrustedProxies extends OncePerRequestFilter implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxies.class);

    static final String WARNING = "SERVER_FORWARD_HEADERS_STRATEGY=native trusts X-Forwarded-For from every private, "
            + "loopback and link-local address (Tomcat's default), so a client on such a network chooses its own "
            + "address with the header and escapes the per-address log-in and form limits. Name the reverse proxy's "
            + "address in SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES (a regular expression, e.g. "
            + "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1) and make the proxy overwrite X-Forwarded-For (docs/security.md, \"Client address\")";
    static final String FRAMEWORK_WARNING = "SERVER_FORWARD_HEADERS_STRATEGY=framework trusts X-Forwarded-For from "
            + "every client, so a client that reaches this port past the proxy chooses its own address with the header "
            + "and escapes the per-address log-in and form limits. Use it only where nothing but the proxy reaches the "
            + "port, or use native with the proxy's address in SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES "
            + "(docs/security.md, \"Client address\")";

    static final String UNREAD = "A request came with an X-Forwarded-For header that was not read, from {}: its client "
            + "address is that one. If it is a reverse proxy's, every client shares it (20 failed log-ins lock them all "
            + "out): set SERVER_FORWARD_HEADERS_STRATEGY=native and a SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES that "
            + "matches it (docs/security.md, \"Client address\"). Said once";

    private final Environment environment;
    private final AtomicBoolean unreadSaid = new AtomicBoolean();

    TrustedProxies(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String strategy = environment.getProperty("server.forward-headers-strategy", "").strip();
        if ("native".equalsIgnoreCase(strategy)
                && !StringUtils.hasText(environment.getProperty("server.tomcat.remoteip.internal-proxies"))) {
            log.warn(WARNING);
        } else if ("framework".equalsIgnoreCase(strategy)) {
            log.warn(FRAMEWORK_WARNING);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!unreadSaid.get() && request.getHeader("X-Forwarded-For") != null
                && unreadSaid.compareAndSet(false, true)) {
            log.warn(UNREAD, request.getRemoteAddr());
        }
        chain.doFilter(request, response);
    }
}
