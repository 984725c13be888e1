package org.b2bforum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The start says when the proxy header is trusted from Tomcat's default ranges (ops52: a client on the office's network
 * escaped the per-address limits with a header of its own), and is silent once the proxy is named or no proxy is set.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrustedProxiesTest {

    @Test
    void the_native_strategy_without_the_proxy_named_is_a_warning(CapturedOutput output) {
        start(new MockEnvironment().withProperty("server.forward-headers-strategy", "NATIVE"));
        assertThat(output.getOut()).contains("SERVER_FORWARD_HEADERS_STRATEGY=native trusts X-Forwarded-For from every "
                + "private").contains("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES");
    }

    /** Spring's filter reads the header from any client: said as well (until mend52a it was not). */
    @Test
    void the_framework_strategy_is_a_warning(CapturedOutput output) {
        start(new MockEnvironment().withProperty("server.forward-headers-strategy", "framework"));
        assertThat(output.getOut()).contains("SERVER_FORWARD_HEADERS_STRATEGY=framework trusts X-Forwarded-For from "
                + "every client");
    }

    @Test
    void the_proxy_named_or_no_proxy_says_nothing(CapturedOutput output) {
        start(new MockEnvironment().withProperty("server.forward-headers-strategy", "native")
                .withProperty("server.tomcat.remoteip.internal-proxies", "127\\.0\\.0\\.1"));
        start(new MockEnvironment());
        start(new MockEnvironment().withProperty("server.forward-headers-strategy", "none"));
        assertThat(output.getOut()).doesNotContain("trusts X-Forwarded-For");
    }

    /** A header left on the request was not read: said once, with the address the request has instead. */
    @Test
    void a_request_still_carrying_the_proxy_header_is_said_once(CapturedOutput output) throws Exception {
        TrustedProxies proxies = new TrustedProxies(new MockEnvironment());
        MockHttpServletRequest plain = new MockHttpServletRequest();
        proxies.doFilter(plain, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(output.getOut()).doesNotContain("X-Forwarded-For header that was not read");

        for (int i = 0; i < 2; i++) {
            MockHttpServletRequest proxied = new MockHttpServletRequest();
            proxied.setRemoteAddr("0:0:0:0:0:0:0:1");
            proxied.addHeader("X-Forwarded-For", "203.0.113.7");
            MockFilterChain chain = new MockFilterChain();
            proxies.doFilter(proxied, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as("the request goes on").isSameAs(proxied);
        }
        String out = output.getOut();
        assertThat(out).contains("X-Forwarded-For header that was not read, from 0:0:0:0:0:0:0:1");
        assertThat(out.indexOf("header that was not read")).as("once")
                .isEqualTo(out.lastIndexOf("header that was not read"));
    }

    private static void start(MockEnvironment environment) {
        new TrustedProxies(environment).afterSingletonsInstantiated();
    }
}
