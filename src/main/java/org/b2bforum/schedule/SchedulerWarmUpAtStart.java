package org.b2bforum.schedule;

import org.b2bforum.optimizer.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application is up, the scheduler warms up in a background thread ({@link Scheduler#warmUp}): otherwise
 * the first "build schedule" after a start loads OR-Tools' native library within its own time limit and runs its
 * search before the JIT has compiled it (bench/README, issue 15 thirteenth round). Off with
 * {@code b2bforum.scheduling.warm-up=false} (the tests' setting: most of their application contexts never build).
 */
@Component
class SchedulerWarmUpAtStart {

    private static final Logger log = LoggerFactory.getLogger(SchedulerWarmUpAtStart.class);

    private final Scheduler scheduler;
    private final boolean enabled;

    SchedulerWarmUpAtStart(Scheduler scheduler, @Value("${b2bforum.scheduling.warm-up:true}") boolean enabled) {
        this.scheduler = scheduler;
        this.enabled = enabled;
    }

    /** Starts the warm-up's thread, or nothing when off; returns the thread (null when off). */
    @EventListener(ApplicationReadyEvent.class)
    Thread warmUp() {
        if (!enabled) {
            return null;
        }
        return Thread.ofPlatform().daemon().name("scheduler-warm-up").start(() -> {
            long started = System.nanoTime();
            try {
                scheduler.warmUp();
                log.debug("Scheduler warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException | LinkageError e) {
                // the first build then loads and compiles it itself, and reports what fails
                log.warn("Scheduler warm-up failed", e);
            }
        });
    }
}
