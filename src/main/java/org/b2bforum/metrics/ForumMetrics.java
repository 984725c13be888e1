package org.b2bforum.metrics;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.b2bforum.badge.BadgeBatchService;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.MeetingOutcome;
import org.b2bforum.meeting.MeetingRequests;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.meeting.RequestResult;
import org.b2bforum.schedule.ScheduleService;
import org.b2bforum.venue.CheckInResult;
import org.b2bforum.venue.CheckInService;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The forum's own metrics, next to the JVM, pool and HTTP ones (all in /actuator/prometheus):
 * {@code forum_bookings_total{outcome=attempted|confirmed|requested|refused|failed}},
 * {@code forum_check_ins_total{outcome=first|again|unknown}}, {@code forum_schedule_runs_total},
 * {@code forum_schedule_publications_total}, {@code forum_badge_jobs_total} and the gauge
 * {@code forum_ui_sessions}. They are counted around the services' public methods by an advisor,
 * so the services themselves know nothing of metrics.
 */
@Configuration(proxyBeanMethods = false)
class ForumMetrics {

    private static final Map<Class<?>, java.util.Set<String>> COUNTED = Map.of(
            MeetingRequests.class, java.util.Set.of("request", "tryRequest", "requestAtStand", "tryRequestAtStand", "accept"),
            OrganizerBookings.class, java.util.Set.of("bookAsOrganizer"),
            CheckInService.class, java.util.Set.of("checkIn"),
            ScheduleService.class, java.util.Set.of("build", "publish"),
            BadgeBatchService.class, java.util.Set.of("start"));

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor forumMetricsAdvisor(ObjectProvider<MeterRegistry> registry) {
        StaticMethodMatcherPointcutAdvisor advisor = new StaticMethodMatcherPointcutAdvisor(
                new Counting(registry)) {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return COUNTED.getOrDefault(targetClass, java.util.Set.of()).contains(method.getName())
                        && java.lang.reflect.Modifier.isPublic(method.getModifiers());
            }
        };
        advisor.setOrder(0);
        return advisor;
    }

    @Bean
    VaadinServiceInitListener uiSessionGauge(MeterRegistry registry) {
        AtomicInteger sessions = new AtomicInteger();
        Gauge.builder("forum.ui.sessions", sessions, AtomicInteger::get)
                .description("Open Vaadin sessions (browsers with the application open)").register(registry);
        return (ServiceInitEvent event) -> {
            event.getSource().addSessionInitListener(e -> sessions.incrementAndGet());
            event.getSource().addSessionDestroyListener(e -> sessions.decrementAndGet());
        };
    }

    /**
     * Counts around the services' methods. The registry is looked up once, on the first count (the advisor is made
     * before the registry exists), and each counter once: asking the bean factory for the registry on every count
     * resolved the dependency again each time, two resolutions per booking, about a seventh of the CPU of "Send"'s
     * listener at the booking window's rush (bench/README.md, issue 17).
     */
    static final class Counting implements MethodInterceptor {

        private final ObjectProvider<MeterRegistry> registry;
        private volatile MeterRegistry found;
        private final Map<String, Counter> counters = new ConcurrentHashMap<>();

        Counting(ObjectProvider<MeterRegistry> registry) {
            this.registry = registry;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            String method = invocation.getMethod().getName();
            Class<?> service = invocation.getMethod().getDeclaringClass();
            if (service == MeetingRequests.class || service == OrganizerBookings.class) {
                return booking(invocation, method);
            }
            Object result = invocation.proceed();
            if (service == CheckInService.class) {
                String outcome = result instanceof Optional<?> o && o.isPresent()
                        ? ((CheckInResult) o.get()).firstTime() ? "first" : "again" : "unknown";
                count("forum.check-ins", outcome);
            } else if (service == ScheduleService.class) {
                count(method.equals("build") ? "forum.schedule.runs" : "forum.schedule.publications", "started");
            } else {
                count("forum.badge.jobs", "started");
            }
            return result;
        }

        private Object booking(MethodInvocation invocation, String method) throws Throwable {
            if (!method.equals("accept")) {
                count("forum.bookings", "attempted");
            }
            try {
                Object result = invocation.proceed();
                if (method.equals("accept")) {
                    count("forum.bookings", "confirmed");
                } else if (result instanceof RequestResult answer) {
                    // the request form's: a refusal is returned, not thrown (MeetingRequests.tryRequest)
                    count("forum.bookings", answer.refused() ? "refused"
                            : answer.outcome().confirmed() ? "confirmed" : "requested");
                } else if (result instanceof MeetingOutcome outcome) {
                    // the request says what it became: no second look at the meeting
                    count("forum.bookings", outcome.confirmed() ? "confirmed" : "requested");
                } else {
                    count("forum.bookings", "confirmed"); // an organizer's booking is confirmed
                }
                return result;
            } catch (BookingRefusedException e) {
                count("forum.bookings", "refused");
                throw e;
            } catch (RuntimeException e) {
                count("forum.bookings", "failed");
                throw e;
            }
        }

        private void count(String name, String outcome) {
            MeterRegistry meters = found;
            if (meters == null) {
                meters = registry.getIfAvailable();
                if (meters == null) {
                    return;
                }
                found = meters;
            }
            MeterRegistry in = meters;
            counters.computeIfAbsent(name + ' ' + outcome, key -> in.counter(name, "outcome", outcome)).increment();
        }
    }
}
