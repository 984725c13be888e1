package org.b2bforum.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.cluster.ClusterNode;
import org.b2bforum.schedule.DayProblem.Kind;
import org.b2bforum.optimizer.GreedyScheduler;
import org.b2bforum.optimizer.MeetingRequest;
import org.b2bforum.optimizer.Placement;
import org.b2bforum.optimizer.ScheduleResult;
import org.b2bforum.optimizer.Scheduler;
import org.b2bforum.optimizer.SchedulingProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two application nodes on one database, as two runners with different node ids: a node starting
 * up fails only its own cut-off runs and runs whose heartbeat expired, never another node's live run.
 */
@ForumSpringTest
class ScheduleRunsOnSeveralNodesTest {

    private static final Instant NOW = Instant.parse("2031-03-02T09:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NamedParameterJdbcTemplate namedJdbc;
    @Autowired
    PlatformTransactionManager transactions;

    long runId;

    @BeforeEach
    void oneRunStartedOnNodeA() {
        runId = runningRun(jdbc, "node-a", NOW);
    }

    /** A run stored as running on {@code node} since {@code at} (the forum's one running run: end it after the test). */
    static long runningRun(JdbcTemplate jdbc, String node, Instant at) {
        jdbc.update("insert ignore into forum_day (day) values ('2031-03-02')");
        long day = jdbc.queryForObject("select id from forum_day where day = '2031-03-02'", Long.class);
        long organizer = jdbc.queryForObject("select min(id) from app_user where role = 'ORGANIZER'", Long.class);
        jdbc.update("""
                insert into schedule_run (day_id, status, scheduler, time_limit_seconds, fingerprint, companies, slots,
                    meetings, fixed_meetings, placed, started_by, started_at, node_id, heartbeat_at)
                values (?, 'RUNNING', 'GreedyScheduler', 20, repeat('0', 64), 0, 0, 0, 0, 0, ?, ?, ?, ?)""",
                day, organizer, Timestamp.from(at), node, Timestamp.from(at));
        return jdbc.queryForObject("select max(id) from schedule_run", Long.class);
    }

    @AfterEach
    void endTheRun() {
        jdbc.update("update schedule_run set status = 'FAILED' where id = ?", runId);
    }

    @Test
    void a_node_starting_up_leaves_the_live_run_of_another_node_alone() {
        runner("node-b", NOW.plusSeconds(5)).failInterruptedRuns();

        assertThat(status()).isEqualTo("RUNNING");
    }

    @Test
    void a_node_starting_up_fails_the_run_it_left_itself() {
        runner("node-a", NOW.plusSeconds(5)).failInterruptedRuns();

        assertThat(status()).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("select error from schedule_run where id = ?", String.class, runId))
                .isEqualTo("interrupted by a restart");
    }

    @Test
    void a_run_whose_node_stopped_renewing_its_heartbeat_is_failed_by_another_node_once_the_lease_expired() {
        ScheduleRunner nodeB = runner("node-b", NOW.plus(ScheduleRunner.LEASE).minusSeconds(1));
        nodeB.heartbeat();
        assertThat(status()).isEqualTo("RUNNING");

        runner("node-b", NOW.plus(ScheduleRunner.LEASE).plusSeconds(1)).heartbeat();

        assertThat(status()).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("select error from schedule_run where id = ?", String.class, runId))
                .isEqualTo("node node-a stopped");
    }

    @Test
    void the_heartbeat_of_the_node_solving_keeps_a_long_run_alive_past_the_lease() throws Exception {
        CountDownLatch solving = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Scheduler slow = (problem, timeLimit, progress) -> {
            solving.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("stopped by the test");
        };
        Instant later = NOW.plus(ScheduleRunner.LEASE);
        ScheduleRunner nodeA = new ScheduleRunner(slow, namedJdbc, transactions, Clock.fixed(later, ZoneOffset.UTC),
                new ClusterNode("node-a"));
        DayProblem day = ScheduleRunnerTest.day(12, List.of(0, 0), List.of(Kind.NICE),
                List.of(MeetingRequest.of(0, 1)));
        Thread solver = Thread.ofPlatform().start(() -> nodeA.run(runId, day, Duration.ofSeconds(20)));
        try {
            assertThat(solving.await(10, TimeUnit.SECONDS)).isTrue();

            nodeA.heartbeat();
            runner("node-b", later.plusSeconds(30)).heartbeat();

            assertThat(status()).isEqualTo("RUNNING");
        } finally {
            finish.countDown();
            solver.join(10_000);
        }
        assertThat(status()).isEqualTo("FAILED"); // the test's scheduler threw
    }

    @Test
    void a_run_stopped_on_another_node_solves_no_further_part_and_keeps_no_schedule() throws Exception {
        CountDownLatch solving = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger solves = new AtomicInteger();
        Scheduler slow = (problem, timeLimit, progress) -> {
            solves.incrementAndGet();
            solving.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ScheduleResult(List.of(new Placement(0, 0, 0), new Placement(1, 1, 0)), List.of(), 1, 1, 0, 0,
                    false, Duration.ofMillis(1));
        };
        ScheduleRunner nodeA = new ScheduleRunner(slow, namedJdbc, transactions, Clock.fixed(NOW, ZoneOffset.UTC),
                new ClusterNode("node-a"));
        // a must-meet wish and a nice-to-have one: with every must-meet wish placed the build solves on from the first
        // answer for the second half of its time (a second part)
        DayProblem day = ScheduleRunnerTest.day(12, List.of(0, 0, 0), List.of(Kind.MUST, Kind.NICE),
                List.of(MeetingRequest.of(0, 1), MeetingRequest.of(0, 2)));
        Thread solver = Thread.ofPlatform().start(() -> nodeA.run(runId, day, Duration.ofSeconds(20)));
        try {
            assertThat(solving.await(10, TimeUnit.SECONDS)).isTrue();
            // node B's organizer stops it (ScheduleService.stop there); node A hears of it at its heartbeat
            jdbc.update("update schedule_run set status = 'STOPPED' where id = ?", runId);
            nodeA.heartbeat();
        } finally {
            finish.countDown();
            solver.join(10_000);
        }
        assertThat(solver.isAlive()).isFalse();
        assertThat(solves.get()).as("the part not begun is left out").isEqualTo(1);
        assertThat(status()).isEqualTo("STOPPED");
    }

    /**
     * The part being solved hears the stop too (Scheduler.solve's stop): the build's threads end at once instead of
     * running to the part's limit (ux51: a 120 s build stopped at 13 s ended at 73 s, its solver taking both cores).
     */
    @Test
    void a_stopped_run_stops_the_part_being_solved() throws Exception {
        CountDownLatch solving = new CountDownLatch(1);
        Scheduler stoppable = new Scheduler() {
            @Override
            public ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress) {
                return solve(problem, timeLimit, progress, null, NOT_STOPPED);
            }

            @Override
            public ScheduleResult solve(SchedulingProblem problem, Duration timeLimit, ProgressListener progress,
                    ScheduleResult start, BooleanSupplier stop) {
                solving.countDown();
                // a solver working to its limit unless stopped
                long until = System.nanoTime() + timeLimit.toNanos();
                while (!stop.getAsBoolean() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                return new ScheduleResult(List.of(), List.of(), 0, 0, 0, 0, false, Duration.ofMillis(1));
            }
        };
        ScheduleRunner nodeA = new ScheduleRunner(stoppable, namedJdbc, transactions,
                Clock.fixed(NOW, ZoneOffset.UTC), new ClusterNode("node-a"));
        DayProblem day = ScheduleRunnerTest.day(12, List.of(0, 0), List.of(Kind.NICE),
                List.of(MeetingRequest.of(0, 1)));
        Thread solver = Thread.ofPlatform().start(() -> nodeA.run(runId, day, Duration.ofSeconds(60)));
        assertThat(solving.await(10, TimeUnit.SECONDS)).isTrue();
        jdbc.update("update schedule_run set status = 'STOPPED' where id = ?", runId);
        nodeA.heartbeat();

        // without the stop passed on, the part runs its 60 s
        solver.join(10_000);
        assertThat(solver.isAlive()).isFalse();
        assertThat(status()).isEqualTo("STOPPED");
    }

    @Test
    void the_progress_stored_is_the_best_schedule_so_far_not_each_parts_own() {
        List<String> stored = new java.util.ArrayList<>();
        Scheduler parts = (problem, timeLimit, progress) -> {
            // the first part's schedules, then a part of the day with fewer meetings, then a better one
            for (int[] figures : new int[][] {{3, 5, 0}, {3, 4, 2}, {2, 1, 1}, {3, 4, 3}, {3, 3, 1}}) {
                progress.improved(figures[0], figures[1], figures[2], 0.1);
                stored.add(jdbc.queryForObject("select concat(placed, '/', total_breaks, '/', lower_bound) "
                        + "from schedule_run where id = ?", String.class, runId));
            }
            throw new IllegalStateException("ended by the test");
        };
        ScheduleRunner nodeA = new ScheduleRunner(parts, namedJdbc, transactions, Clock.fixed(NOW, ZoneOffset.UTC),
                new ClusterNode("node-a"));
        nodeA.progressEveryNanos = 0;
        DayProblem day = ScheduleRunnerTest.day(12, List.of(0, 0), List.of(Kind.NICE),
                List.of(MeetingRequest.of(0, 1)));

        nodeA.run(runId, day, Duration.ofSeconds(20));

        // the part with fewer meetings stores nothing, nor does the same schedule with a higher bound; the bound
        // stored is the highest heard (each is the whole day's: Scheduler.ProgressListener.newBestOnly)
        assertThat(stored).containsExactly("3/5/0", "3/4/2", "3/4/2", "3/4/2", "3/3/3");
    }

    @Test
    void a_best_schedule_held_back_by_the_pause_between_writes_is_written_at_the_heartbeat() {
        List<String> stored = new java.util.ArrayList<>();
        ScheduleRunner[] node = new ScheduleRunner[1];
        Scheduler burst = (problem, timeLimit, progress) -> {
            // two new bests within the pause, then nothing better for the rest of the build
            progress.improved(3, 5, 0, 0.1);
            progress.improved(3, 4, 0, 0.1);
            stored.add(progressStored());
            node[0].heartbeat();
            stored.add(progressStored());
            throw new IllegalStateException("ended by the test");
        };
        node[0] = new ScheduleRunner(burst, namedJdbc, transactions, Clock.fixed(NOW, ZoneOffset.UTC),
                new ClusterNode("node-a"));
        node[0].progressEveryNanos = Duration.ofHours(1).toNanos();
        DayProblem day = ScheduleRunnerTest.day(12, List.of(0, 0), List.of(Kind.NICE),
                List.of(MeetingRequest.of(0, 1)));

        node[0].run(runId, day, Duration.ofSeconds(20));

        // the page showed 5 breaks as the best so far until the build ended
        assertThat(stored).containsExactly("3/5/0", "3/4/0");
    }

    private String progressStored() {
        return jdbc.queryForObject("select concat(placed, '/', total_breaks, '/', lower_bound) from schedule_run "
                + "where id = ?", String.class, runId);
    }

    private String status() {
        return jdbc.queryForObject("select status from schedule_run where id = ?", String.class, runId);
    }

    private ScheduleRunner runner(String node, Instant now) {
        return new ScheduleRunner(new GreedyScheduler(), namedJdbc, transactions, Clock.fixed(now, ZoneOffset.UTC),
                new ClusterNode(node));
    }
}
