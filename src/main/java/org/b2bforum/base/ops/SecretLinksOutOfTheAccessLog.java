package org.b2bforum.base.ops;

import java.io.CharArrayWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.AccessLogValve;
import org.b2bforum.base.security.Tokens;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * No secret link in Tomcat's access log either (off by default; {@code server.tomcat.accesslog.enabled}): its
 * {@code %r}, {@code %U} and {@code %q} wrote calendar, invitation, reset, check-in and lead-scan links whole. Spring
 * Boot's access log valve, set up from its properties, is replaced by one of the same settings whose lines have their
 * tokens written as "…" ({@link Tokens#withoutSecrets}), as {@link SecretLinksOutOfTheLog} does for Logback's lines.
 * Runs after Spring Boot's own customizer (order 0), which adds the valve.
 */
@Component
class SecretLinksOutOfTheAccessLog implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatWebServerFactory factory) {
        List<Valve> valves = new ArrayList<>(factory.getEngineValves());
        valves.replaceAll(SecretLinksOutOfTheAccessLog::masked);
        factory.setEngineValves(valves);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static Valve masked(Valve valve) {
        if (!(valve instanceof AccessLogValve accessLog) || valve instanceof MaskedAccessLogValve) {
            return valve;
        }
        MaskedAccessLogValve masked = new MaskedAccessLogValve();
        // every setting Spring Boot gave it (pattern, directory, prefix, rotation, buffering, conditions...)
        BeanUtils.copyProperties(accessLog, masked, "next", "container", "domain");
        return masked;
    }

    /** Tomcat's access log valve whose lines have their secret links' tokens written as "…". */
    static final class MaskedAccessLogValve extends AccessLogValve {

        @Override
        public void log(CharArrayWriter message) {
            CharArrayWriter masked = new CharArrayWriter(message.size());
            masked.append(Tokens.withoutSecrets(message.toString()));
            super.log(masked);
        }
    }
}
