package org.b2bforum.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInvocation;
import org.b2bforum.schedule.ScheduleService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ForumMetricsTest {

    @Test
    void counts_go_to_the_registry_looked_up_once_not_at_every_counted_call() throws Throwable {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("meters", meters);
        ObjectProvider<MeterRegistry> found = beans.getBeanProvider(MeterRegistry.class);
        AtomicInteger lookUps = new AtomicInteger();
        ObjectProvider<MeterRegistry> counted = new ObjectProvider<>() {
            @Override
            public MeterRegistry getObject(Object... args) {
                lookUps.incrementAndGet();
                return found.getObject(args);
            }

            @Override
            public MeterRegistry getIfAvailable() {
                lookUps.incrementAndGet();
                return found.getIfAvailable();
            }

            @Override
            public MeterRegistry getIfUnique() {
                lookUps.incrementAndGet();
                return found.getIfUnique();
            }

            @Override
            public MeterRegistry getObject() {
                lookUps.incrementAndGet();
                return found.getObject();
            }
        };
        ForumMetrics.Counting counting = new ForumMetrics.Counting(counted);
        Method build = ScheduleService.class.getMethod("build", long.class, Duration.class);
        Method publish = ScheduleService.class.getMethod("publish", long.class);

        counting.invoke(call(build));
        counting.invoke(call(build));
        counting.invoke(call(publish));

        assertThat(meters.counter("forum.schedule.runs", "outcome", "started").count()).isEqualTo(2.0);
        assertThat(meters.counter("forum.schedule.publications", "outcome", "started").count()).isEqualTo(1.0);
        assertThat(lookUps).hasValue(1);
    }

    @Test
    void without_a_registry_nothing_is_counted_and_the_call_goes_on() throws Throwable {
        ForumMetrics.Counting counting = new ForumMetrics.Counting(
                new DefaultListableBeanFactory().getBeanProvider(MeterRegistry.class));

        assertThat(counting.invoke(call(ScheduleService.class.getMethod("publish", long.class)))).isEqualTo(7);
    }

    private static MethodInvocation call(Method method) {
        return new MethodInvocation() {
            @Override
            public Method getMethod() {
                return method;
            }

            @Override
            public Object[] getArguments() {
                return new Object[0];
            }

            @Override
            public Object proceed() {
                return 7;
            }

            @Override
            public Object getThis() {
                return null;
            }

            @Override
            public AccessibleObject getStaticPart() {
                return method;
            }
        };
    }
}
