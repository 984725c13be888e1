package org.b2bforum.base.web;

import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.Controller;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Vaadin's clicks and heartbeats handed to Vaadin's servlet first. With {@code vaadin.url-mapping=/*} every UIDL
 * request (each click, search and navigation of an open page) and every heartbeat goes to the root address
 * ({@code /?v-r=uidl}, {@code /?v-r=heartbeat}), which Spring MVC's {@code DispatcherServlet} receives and forwards
 * to Vaadin's servlet through Vaadin's own forwarding controller, found by its mapping of last resort
 * ({@code RootExcludeHandler}, {@code /**}). Before it, the dispatcher asked every other handler mapping, each in
 * vain: the annotated controllers' look-up over all their mappings (with its search for partial matches), the
 * router functions, the welcome page, the bean names, the static resources. That look-up was ~2% of the application's
 * CPU at the booking window's rush (bench/README.md, issue 17). This mapping comes first and gives exactly those
 * requests the same controller under the same pattern ({@code /**}, as {@code http.server.requests} tags them);
 * any other request finds no handler here and goes the way it went. The request still reaches Vaadin forwarded by
 * the dispatcher, as before (Vaadin tells its own requests by the dispatcher's servlet mapping: the log-out's
 * redirect depends on it).
 */
@Configuration(proxyBeanMethods = false)
class VaadinRequestsFirst {

    /** Vaadin's request types (its {@code v-r} parameter) that this mapping hands on: clicks and heartbeats. */
    static final Set<String> REQUEST_TYPES = Set.of("uidl", "heartbeat");

    @Bean
    SimpleUrlHandlerMapping vaadinRequestsFirstMapping(
            @Qualifier("vaadinForwardingController") Controller vaadin) {
        return new Mapping(vaadin);
    }

    static final class Mapping extends SimpleUrlHandlerMapping {

        Mapping(Controller vaadin) {
            super(Map.of("/**", vaadin), Ordered.HIGHEST_PRECEDENCE);
        }

        @Override
        protected Object getHandlerInternal(HttpServletRequest request) throws Exception {
            return isVaadinRequestAtTheRoot(request) ? super.getHandlerInternal(request) : null;
        }

        private static boolean isVaadinRequestAtTheRoot(HttpServletRequest request) {
            // the address and the method first: the parameter of a form's POST elsewhere would read its body
            return "POST".equals(request.getMethod())
                    && "/".equals(request.getRequestURI().substring(request.getContextPath().length()))
                    && REQUEST_TYPES.contains(String.valueOf(request.getParameter("v-r")));
        }
    }
}
