package org.b2bforum.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Scheduled jobs on the scheduler as the application configures it, meeting a database that refuses connections. */
class ScheduledJobOutagesTest {

    @Test
    void a_job_that_cannot_reach_the_database_logs_one_line_when_it_goes_away_and_one_when_it_is_back()
            throws Exception {
        // nothing listens on port 1: the driver's connection is refused, as when the database process is gone
        JdbcTemplate away = new JdbcTemplate(new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:1/forum", "root", ""));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch sixRuns = new CountDownLatch(6);
        ListAppender<ILoggingEvent> logged = capture(ScheduledJobOutages.class.getName());
        ListAppender<ILoggingEvent> spring = capture(SPRING);
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        new ScheduledJobOutages().databaseOutagesInOneLine().customize(scheduler);
        scheduler.initialize();
        try {
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    if (runs.incrementAndGet() <= 3) {
                        away.queryForObject("select 1", Integer.class);
                    }
                } finally {
                    sixRuns.countDown();
                }
            }, Duration.ofMillis(10));
            assertThat(sixRuns.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.shutdown();
            scheduler.getScheduledExecutor().awaitTermination(10, TimeUnit.SECONDS);
        }

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
                .first().asString().startsWith("Scheduled job ").contains("the database cannot be reached (");
        assertThat(logged.list.get(1).getFormattedMessage()).endsWith(": the database answers again");
        assertThat(logged.list).allMatch(event -> event.getThrowableProxy() == null);
        // before, Spring's "Unexpected error occurred in scheduled task" with the stack trace at every run
        assertThat(spring.list).isEmpty();
    }

    @Test
    void any_other_failure_of_a_job_is_logged_as_spring_does() throws Exception {
        ListAppender<ILoggingEvent> spring = capture(SPRING);
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        new ScheduledJobOutages().databaseOutagesInOneLine().customize(scheduler);
        scheduler.initialize();
        CountDownLatch ran = new CountDownLatch(1);
        try {
            scheduler.scheduleWithFixedDelay(() -> {
                ran.countDown();
                throw new IllegalStateException("a bug");
            }, Duration.ofHours(1));
            assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.shutdown();
            scheduler.getScheduledExecutor().awaitTermination(10, TimeUnit.SECONDS);
        }

        assertThat(spring.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).isEqualTo("Unexpected error occurred in scheduled task");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("a bug");
        });
    }

    /** Spring's logger of a scheduled job's failure. */
    private static final String SPRING = "org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler";

    private static ListAppender<ILoggingEvent> capture(String logger) {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        ((Logger) LoggerFactory.getLogger(logger)).addAppender(logged);
        return logged;
    }
}
