package org.b2bforum.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.b2bforum.optimizer.ScheduleResult;
import org.b2bforum.optimizer.Scheduler;
import org.b2bforum.optimizer.SchedulingProblem;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** The scheduler's warm-up once the application is up: in a background thread, once, unless switched off. */
class SchedulerWarmUpAtStartTest {

    private final List<Thread> warmedUpIn = new CopyOnWriteArrayList<>();
    private final Scheduler scheduler = new Scheduler() {
        @Override
        public ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void warmUp() {
            warmedUpIn.add(Thread.currentThread());
        }
    };

    @Test
    void whenTheApplicationIsReadyTheSchedulerWarmsUpInADaemonThreadOfItsOwn() throws Exception {
        Thread thread = new SchedulerWarmUpAtStart(scheduler, true).warmUp();
        thread.join(10_000);

        assertThat(warmedUpIn).containsExactly(thread);
        assertThat(thread).isNotSameAs(Thread.currentThread());
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("scheduler-warm-up");
        assertThat(SchedulerWarmUpAtStart.class.getDeclaredMethod("warmUp").getAnnotation(EventListener.class)
                .value()).containsExactly(ApplicationReadyEvent.class);
    }

    @Test
    void switchedOffNothingWarmsUp() {
        assertThat(new SchedulerWarmUpAtStart(scheduler, false).warmUp()).isNull();
        assertThat(warmedUpIn).isEmpty();
    }

    @Test
    void aFailingWarmUpEndsItsThreadQuietly() throws Exception {
        Throwable[] uncaught = {null};
        CountDownLatch handlerSet = new CountDownLatch(1);
        Scheduler throwing = new Scheduler() {
            @Override
            public ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void warmUp() {
                try {
                    handlerSet.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new UnsatisfiedLinkError("no native library here");
            }
        };
        Thread thread = new SchedulerWarmUpAtStart(throwing, true).warmUp();
        thread.setUncaughtExceptionHandler((t, e) -> uncaught[0] = e);
        handlerSet.countDown();
        thread.join(10_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(uncaught[0]).isNull();
    }

    @Test
    void theApplicationWarmsUpUnlessToldOtherwise() throws Exception {
        Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));

        assertThat(properties.getProperty("b2bforum.scheduling.warm-up"))
                .isEqualTo("${B2BFORUM_SCHEDULING_WARM_UP:true}");
    }
}
