package org.b2bforum.base.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Says at the start when {@code SERVER_FORWARD_HEADERS_STRATEGY=native} trusts {@code X-Forwarded-For} from Tomcat's
 * default ranges (every private, loopback and link-local address) rather than from the proxy alone: any client on such
 * an address (the venue's or the office's network, this machine) then picks its own address with the header and escapes
 * every per-address limit of {@link LoginThrottle}. Tried over HTTP by ops52 (docs/security.md, "Client address").
 * {@code framework} (Spring's {@code ForwardedHeaderFilter}) trusts the header from any client at all: said too (until
 * mend52a only {@code native} was).
 */
@Component
class TrustedProxies implements SmartInitializingSingleton {

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

    private final Environment environment;

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
}
