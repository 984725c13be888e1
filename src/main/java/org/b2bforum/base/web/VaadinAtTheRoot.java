package org.b2bforum.base.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.stereotype.Component;

import com.vaadin.flow.spring.SpringServlet;

/**
 * Maps Vaadin's servlet to the application's root address itself ({@code ""}, which the servlet
 * container matches for {@code /} alone), where every request of Vaadin's client goes: the UIDL
 * requests of each click, search and navigation, the heartbeats, {@code ?v-r=init} and the first page.
 * <p>
 * With Vaadin at the root ({@code vaadin.url-mapping=/*}, the default) its servlet is mapped to
 * {@code /vaadinServlet/*} and Spring MVC's {@code DispatcherServlet} takes every other address, looks
 * for a handler among all of its mappings and forwards to Vaadin's servlet. For {@code /} that was
 * Spring MVC's look-up and a forward at every Vaadin request, about a twentieth of the request
 * threads' CPU at the booking window's rush (bench/README.md, issue 17). The filters run as before
 * (they are mapped to every address), and Vaadin sees the same paths (servlet path {@code ""}, path
 * info {@code /}, what its forwarding wrapper gives a forwarded request). The other addresses (the
 * views' own, {@code /VAADIN/...}, the Spring MVC endpoints) still go through Spring MVC.
 */
@Component
class VaadinAtTheRoot implements BeanPostProcessor {

    /** The container's mapping of exactly the application's root. */
    static final String ROOT = "";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof ServletRegistrationBean<?> registration && registration.getServlet() instanceof SpringServlet
                && registration.getUrlMappings().contains("/vaadinServlet/*")) {
            registration.addUrlMappings(ROOT);
        }
        return bean;
    }
}
