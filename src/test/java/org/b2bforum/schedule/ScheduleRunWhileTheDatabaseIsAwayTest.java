package org.b2bforum.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.cluster.ClusterNode;
import org.b2bforum.optimizer.GreedyScheduler;
import org.b2bforum.optimizer.MeetingRequest;
import org.b2bforum.optimizer.Scheduler;
import org.b2bforum.schedule.DayProblem.Kind;
import org.junit.jupiter.api.AfterEach;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * A build meets a database that is away for a moment (the embedded one restarted by its watchdog, a Galera node
 * failing over): the real database behind a data source that answers as the pool does meanwhile ("Connection is not
 * available"). The build goes on and its result is stored once the database answers again.
 */
@ForumSpringTest
class ScheduleRunWhileTheDatabaseIsAwayTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    final AtomicBoolean away = new AtomicBoolean();
    /** Connections refused while away; with {@link #backAfter} set, the database is back after that many. */
    final AtomicInteger refused = new AtomicInteger();
    int backAfter = Integer.MAX_VALUE;
    long runId;

    @BeforeEach
    void oneRunStarted() {
        runId = ScheduleRunsOnSeveralNodesTest.runningRun(jdbc, "node-away", Instant.now());
    }

    @AfterEach
    void endTheRun() {
        jdbc.update("update schedule_run set status = 'FAILED' where id = ? and status = 'RUNNING'", runId);
    }

    @Test
    void a_build_goes_on_while_its_progress_cannot_be_written_and_stores_its_result_once_the_database_is_back() {
        // away from the build's first progress until the result's store has been refused three times (before, for
        // 1.5 s of a timer: the same refusals, the test waiting for the timer)
        Scheduler meetingAnAbsentDatabase = (problem, timeLimit, progress) -> {
            away.set(true);
            assertThatCode(() -> progress.improved(1, 0, 0, 0.1)).doesNotThrowAnyException();
            backAfter = refused.get() + 3;
            return new GreedyScheduler().solve(problem, timeLimit, Scheduler.ProgressListener.NONE);
        };
        DataSource flaky = flaky();
        ScheduleRunner runner = new ScheduleRunner(meetingAnAbsentDatabase, new NamedParameterJdbcTemplate(flaky),
                new JdbcTransactionManager(flaky), Clock.systemUTC(), new ClusterNode("node-away"));
        runner.storeRetryPause = Duration.ofMillis(50);
        DayProblem day = ScheduleRunnerTest.day(12, List.of(0, 0), List.of(Kind.NICE), List.of(MeetingRequest.of(0, 1)));

        runner.run(runId, day, Duration.ofSeconds(1));

        assertThat(away).isFalse();
        assertThat(refused).as("the progress and the result's store refused while away").hasValueGreaterThan(3);
        assertThat(jdbc.queryForObject("select status from schedule_run where id = ?", String.class, runId))
                .isEqualTo("DONE");
    }

    /**
     * The heartbeat every 10 s meets the database away: one line when it goes, one when it is back; before, each tick
     * failed and the scheduler logged the whole stack trace.
     */
    @Test
    void the_heartbeat_logs_one_line_when_the_database_goes_away_and_one_when_it_is_back() {
        DataSource flaky = flaky();
        ScheduleRunner runner = new ScheduleRunner(new GreedyScheduler(), new NamedParameterJdbcTemplate(flaky),
                new JdbcTransactionManager(flaky), Clock.systemUTC(), new ClusterNode("node-away"));
        Logger logger = (Logger) LoggerFactory.getLogger(ScheduleRunner.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            away.set(true);
            for (int tick = 0; tick < 3; tick++) {
                assertThatCode(runner::heartbeat).doesNotThrowAnyException();
            }
            away.set(false);
            runner.heartbeat();
            runner.heartbeat();
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Schedule heartbeat: the database cannot be reached (Failed to obtain JDBC Connection);"
                        + " trying again every tick",
                "Schedule heartbeat: the database answers again");
        assertThat(logged.list).allMatch(event -> event.getThrowableProxy() == null);
    }

    /** The real database behind a data source that answers as the pool does while it is away. */
    private DataSource flaky() {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                if (away.get()) {
                    if (refused.incrementAndGet() >= backAfter) {
                        away.set(false);
                    }
                    throw new SQLTransientConnectionException("Connection is not available, request timed out");
                }
                return super.getConnection();
            }
        };
    }
}
