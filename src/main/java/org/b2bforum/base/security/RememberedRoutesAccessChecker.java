package org.b2bforum.base.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.router.Router;
import com.vaadin.flow.server.RouteRegistry;
import com.vaadin.flow.server.SessionRouteRegistry;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.AnnotatedViewAccessChecker;
import com.vaadin.flow.server.auth.NavigationContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;

/**
 * Vaadin's check of the access annotations of the view opened and of its layout, at every navigation, with the
 * list of the application's routes remembered. Vaadin's check lists every registered route (each one's
 * {@code RouteData} built anew, the session's and the application's merged) to find the view's parent layouts,
 * once per navigation: most of the access check's cost, about 2% of the request threads' CPU at the booking
 * window's rush, where each user opens the directory again after "Send" (bench/README.md, issue 17). The routes
 * are the application's, registered at its start: the list is read once and again only after Vaadin reports a
 * change of them (development mode's reloads). What is decided is Vaadin's own code's decision, on the same list;
 * a session with routes of its own is checked as Vaadin does, listing them each time.
 */
final class RememberedRoutesAccessChecker extends AnnotatedViewAccessChecker {

    /** The registry whose routes are remembered: one per application (a test's contexts may have several). */
    private ApplicationRouteRegistry source;
    private List<RouteData> routes;
    private int listings;

    RememberedRoutesAccessChecker(AccessAnnotationChecker annotations) {
        super(annotations);
    }

    @Override
    public AccessCheckResult check(NavigationContext context) {
        return super.check(withRememberedRoutes(context));
    }

    /**
     * The navigation as Vaadin's check gets it: with a router whose registry lists the remembered routes (and asks the
     * real registry anything else), or as it is for a session with routes of its own.
     */
    NavigationContext withRememberedRoutes(NavigationContext context) {
        RouteRegistry registry = context.getRouter().getRegistry();
        boolean applicationRoutesOnly = registry instanceof ApplicationRouteRegistry
                || registry instanceof SessionRouteRegistry session && session.getConfiguration().getRoutes().isEmpty();
        if (!applicationRoutesOnly) {
            return context;
        }
        List<RouteData> known = routes(registry);
        RouteRegistry remembering = (RouteRegistry) Proxy.newProxyInstance(RouteRegistry.class.getClassLoader(),
                new Class<?>[] {RouteRegistry.class}, (proxy, method, args) -> method.getName().equals("getRegisteredRoutes")
                        && method.getParameterCount() == 0 ? known : delegate(registry, method, args));
        return new NavigationContext(new RememberingRouter(remembering), context.getNavigationTarget(),
                context.getLocation(), context.getParameters(), context.getPrincipal(), context::hasRole,
                context.isErrorHandling(), context.isNavigating());
    }

    /**
     * A router that answers with the registry it was made with. Vaadin's own {@link Router#getRegistry} answers with
     * the current session's registry whenever a session is current, that is in every request: a plain router made
     * with the remembering registry went on listing the session's routes.
     */
    private static final class RememberingRouter extends Router {

        private final transient RouteRegistry registry;

        RememberingRouter(RouteRegistry registry) {
            super(registry);
            this.registry = registry;
        }

        @Override
        public RouteRegistry getRegistry() {
            return registry;
        }
    }

    /** The application's routes as the registry lists them (a session without routes of its own lists its application's). */
    private synchronized List<RouteData> routes(RouteRegistry registry) {
        ApplicationRouteRegistry application = ApplicationRouteRegistry.getInstance(registry.getContext());
        if (application != source) {
            source = application;
            routes = null;
            ApplicationRouteRegistry listened = application;
            application.addRoutesChangeListener(event -> forget(listened));
        }
        if (routes == null) {
            routes = List.copyOf(application.getRegisteredRoutes());
            listings++;
        }
        return routes;
    }

    private synchronized void forget(ApplicationRouteRegistry changed) {
        if (changed == source) {
            routes = null;
        }
    }

    /** How many times the routes were listed: once, and again after each change of them. */
    synchronized int listings() {
        return listings;
    }

    private static Object delegate(RouteRegistry registry, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(registry, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
