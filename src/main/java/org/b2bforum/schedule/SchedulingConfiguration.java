package org.b2bforum.schedule;

import org.b2bforum.scheduling.GreedyScheduler;
import org.b2bforum.scheduling.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The optimiser behind "build schedule". */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    Scheduler scheduler() {
        return new GreedyScheduler();
    }
}
