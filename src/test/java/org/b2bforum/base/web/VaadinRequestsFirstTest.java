package org.b2bforum.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.b2bforum.ForumSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.Controller;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Vaadin's clicks and heartbeats at the root address find Vaadin's forwarding controller first, under the same pattern
 * as through Vaadin's mapping of last resort; every other request goes the way it went (issue 17).
 */
@ForumSpringTest
class VaadinRequestsFirstTest {

    @Autowired
    List<HandlerMapping> mappings;
    @Autowired
    @Qualifier("vaadinForwardingController")
    Controller vaadin;
    @Autowired
    @Qualifier("vaadinRootMapping")
    HandlerMapping vaadinsOwn;

    @Test
    void clicks_and_heartbeats_at_the_root_reach_vaadin_through_the_first_mapping_asked() throws Exception {
        for (String type : List.of("uidl", "heartbeat")) {
            MockHttpServletRequest request = request("POST", "/", type);
            Answer first = firstAnswer(request);

            assertThat(first.mapping()).as(type).isInstanceOf(VaadinRequestsFirst.Mapping.class);
            assertThat(first.chain().getHandler()).as(type).isSameAs(vaadin);

            // as Vaadin's own mapping answers the same request: the same controller under the same pattern
            MockHttpServletRequest same = request("POST", "/", type);
            HandlerExecutionChain before = vaadinsOwn.getHandler(same);
            assertThat(before).isNotNull();
            assertThat(before.getHandler()).isSameAs(vaadin);
            // the pattern as the dispatcher's request attributes carry it (and http.server.requests tags it)
            preHandle(first.chain(), request);
            preHandle(before, same);
            assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
                    .isEqualTo(same.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).isEqualTo("/**");
        }
    }

    @Test
    void any_other_request_is_not_answered_by_it() throws Exception {
        HandlerMapping first = mappings.stream().filter(VaadinRequestsFirst.Mapping.class::isInstance).findFirst()
                .orElseThrow();
        for (MockHttpServletRequest request : List.of(request("GET", "/", null), request("GET", "/", "init"),
                request("POST", "/", null), request("POST", "/", "upload"), request("POST", "/login", null),
                request("POST", "/directory", "uidl"), request("GET", "/logos/1.png", null),
                request("GET", "/my-calendar.ics", null))) {
            assertThat(first.getHandler(request)).as(request.getMethod() + " " + request.getRequestURI() + " "
                    + request.getParameter("v-r")).isNull();
        }
        // the page's own address still goes to Vaadin by its mapping of last resort
        assertThat(firstAnswer(request("GET", "/", null)).mapping()).isSameAs(vaadinsOwn);
    }

    private static void preHandle(HandlerExecutionChain chain, MockHttpServletRequest request) throws Exception {
        for (HandlerInterceptor interceptor : chain.getInterceptorList()) {
            assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), chain.getHandler())).isTrue();
        }
    }

    private record Answer(HandlerMapping mapping, HandlerExecutionChain chain) {
    }

    /** What the dispatcher does: the mappings in their order, the first that has a handler for the request. */
    private Answer firstAnswer(MockHttpServletRequest request) throws Exception {
        List<HandlerMapping> ordered = new ArrayList<>(mappings);
        AnnotationAwareOrderComparator.sort(ordered);
        for (HandlerMapping mapping : ordered) {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain != null) {
                return new Answer(mapping, chain);
            }
        }
        throw new AssertionError("no handler for " + request.getRequestURI());
    }

    private static MockHttpServletRequest request(String method, String path, String vaadinType) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (vaadinType != null) {
            request.setParameter("v-r", vaadinType);
            request.setQueryString("v-r=" + vaadinType);
        }
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
