package org.b2bforum.schedule;

import org.b2bforum.optimizer.CpSatScheduler;
import org.b2bforum.optimizer.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The optimiser behind "build schedule": CP-SAT (see the package doc of {@code scheduling}). */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    Scheduler scheduler() {
        return new CpSatScheduler();
    }
}
