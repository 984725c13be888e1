package org.b2bforum.base.ui;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.vaadin.flow.di.Lookup;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletContext;

/**
 * Remembers what Vaadin's {@link Lookup} found for each service type. Vaadin's Spring lookup asks the
 * Spring context and then {@link java.util.ServiceLoader} every time, and the service loader reads
 * {@code META-INF/services} in every jar of the application: Vaadin looks a service up on every
 * navigation (the role prefix holder of its access control) and on every call from the browser to a
 * server method (a grid's {@code confirmUpdate}, its {@code setViewportRange}), and none of them is
 * there. At the booking window's rush that was about 6% of the application's CPU (bench/README.md,
 * issue 17). The services are the application's, the same for its whole life, so each type is looked
 * up once; {@link Lookup#lookupAll} is left as it is.
 */
@Component
class CachedLookup implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinContext context = event.getSource().getContext();
        Lookup lookup = context.getAttribute(Lookup.class);
        // VaadinContext refuses to replace its lookup (a guard against initialising it twice), so the servlet
        // context's attribute, where VaadinServletContext keeps it by the type's name, is set directly
        if (lookup != null && !(lookup instanceof Remembering) && context instanceof VaadinServletContext servlet) {
            servlet.getContext().setAttribute(Lookup.class.getName(), new Remembering(lookup));
        }
    }

    /** A lookup that asks its delegate once per type, "none" included. */
    static final class Remembering implements Lookup {

        private final Lookup delegate;
        private final Map<Class<?>, Optional<Object>> found = new ConcurrentHashMap<>();

        Remembering(Lookup delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T lookup(Class<T> serviceClass) {
            Optional<Object> known = found.get(serviceClass);
            if (known == null) {
                // not computeIfAbsent: a service's lookup may look up another one
                known = Optional.ofNullable(delegate.lookup(serviceClass));
                found.putIfAbsent(serviceClass, known);
            }
            return serviceClass.cast(known.orElse(null));
        }

        @Override
        public <T> Collection<T> lookupAll(Class<T> serviceClass) {
            return delegate.lookupAll(serviceClass);
        }
    }
}
