package org.b2bforum.base.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.b2bforum.base.database.OutageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.TaskUtils;

/**
 * A scheduled job that fails because the database is away (the event resubmission and the "starting soon" check run
 * every minute) logs one line when it first fails and one when it runs again, instead of Spring's "Unexpected error
 * occurred in scheduled task" with its whole stack trace at every run (seen with the embedded MariaDB killed: three
 * traces a minute, review46). Any other failure is logged as Spring does.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledJobOutages {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobOutages.class);
    private static final Pattern METHOD = Pattern.compile("ErrorHandlingRunnable for ([\\w.$]+)");
    /** The outage log of the job running on this scheduler thread, and whether this run found the database away. */
    private static final ThreadLocal<Run> RUNNING = new ThreadLocal<>();

    private static final class Run {
        private final OutageLog outage;
        private boolean away;

        Run(OutageLog outage) {
            this.outage = outage;
        }
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer databaseOutagesInOneLine() {
        return scheduler -> {
            scheduler.setErrorHandler(ScheduledJobOutages::failed);
            scheduler.setTaskDecorator(ScheduledJobOutages::logged);
        };
    }

    /** A scheduled job (decorated once for all its runs, or once per run of a cron job) with its outage log. */
    static Runnable logged(Runnable job) {
        Matcher method = METHOD.matcher(job.toString());
        OutageLog outage = new OutageLog(log, "Scheduled job " + (method.find() ? method.group(1) : job.getClass().getName()));
        return () -> {
            Run run = new Run(outage);
            RUNNING.set(run);
            try {
                job.run();
            } catch (RuntimeException e) {
                if (!outage.away(e)) {
                    throw e;
                }
                run.away = true;
            } finally {
                RUNNING.remove();
            }
            if (!run.away) {
                outage.answered();
            }
        };
    }

    static void failed(Throwable failure) {
        Run run = RUNNING.get();
        if (run != null && run.outage.away(failure)) {
            run.away = true;
            return;
        }
        TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(failure);
    }
}
