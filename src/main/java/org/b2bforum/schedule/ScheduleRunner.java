package org.b2bforum.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.b2bforum.base.cluster.ClusterNode;
import org.b2bforum.base.database.DatabaseFailures;
import org.b2bforum.schedule.DayProblem.DayMeeting;
import org.b2bforum.schedule.DayProblem.Kind;
import org.b2bforum.schedule.DayProblem.TablePlace;
import org.b2bforum.optimizer.BreakCounter;
import org.b2bforum.optimizer.Placement;
import org.b2bforum.optimizer.ScheduleResult;
import org.b2bforum.optimizer.Scheduler;
import org.b2bforum.optimizer.Scheduler.ProgressListener;
import org.b2bforum.optimizer.Unplaced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the scheduler for a stored run, on a background thread, and stores what it found: progress
 * while it solves, then every meeting's slot and table or the reason it was left out.
 * The build itself, from the scheduler's parts (the meeting limit first, then must-meet wishes first), is
 * {@link DayBuild}'s.
 * <p>
 * With several application nodes a run belongs to the node that started it ({@code node_id}), which
 * renews the run's {@code heartbeat_at} every {@link #HEARTBEAT} while it solves. A run whose
 * heartbeat is older than {@link #LEASE} was cut off with its node; any node marks it failed. A node
 * starting up also fails the runs it left itself; other nodes' live runs are never touched.
 */
@Component
class ScheduleRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;
    /** After a failed progress write (each may wait for a connection for seconds) the solver is left alone a while. */
    private static final long PROGRESS_PAUSE_AFTER_FAILURE_NANOS = 5_000_000_000L;
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration LEASE = Duration.ofSeconds(60);

    private final Scheduler scheduler;
    private final DayBuild build;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ClusterNode node;
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();
    /**
     * This node's runs an organizer stopped ({@link ScheduleService#stop}), on this node or another: their result is
     * not stored, and the parts of the build not begun yet are not solved.
     */
    private final Set<Long> stoppedHere = ConcurrentHashMap.newKeySet();
    /** The progress writers of this node's runs: the heartbeat writes a best schedule the 200 ms pause held back. */
    private final Map<Long, ProgressWriter> progressHere = new ConcurrentHashMap<>();
    /** Whether the last heartbeat could not reach the database (the scheduler runs it on one thread at a time). */
    private boolean heartbeatFailing;

    ScheduleRunner(Scheduler scheduler, NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            Clock clock, ClusterNode node) {
        this.scheduler = scheduler;
        this.build = new DayBuild(scheduler);
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.node = node;
    }

    /** The node that runs the builds it starts: stored with each run. */
    String nodeId() {
        return node.id();
    }

    String schedulerName() {
        return scheduler.getClass().getSimpleName();
    }

    /**
     * Solves and stores the outcome; a failure marks the run failed. Never throws. The database may be away for a
     * moment meanwhile (the embedded one restarted by its watchdog, a Galera node failing over): the progress
     * figures are then skipped, and the result is stored once the database answers again, within
     * {@link #storeRetryFor}; until then this node's heartbeat keeps the run from being taken for a dead one.
     */
    void run(long runId, DayProblem input, Duration timeLimit) {
        long started = System.nanoTime();
        runningHere.add(runId);
        ProgressWriter progress = new ProgressWriter(runId, started);
        progressHere.put(runId, progress);
        try {
            ScheduleResult result = solveMustFirst(input, timeLimit, progress, () -> stoppedHere.contains(runId));
            if (stoppedHere.contains(runId)) {
                log.info("Schedule run {} was stopped; its result is not kept", runId);
                return;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            whileDatabaseAway(() -> store(runId, input, result, seconds));
        } catch (RuntimeException | Error e) {
            log.error("Schedule run {} failed", runId, e);
            try {
                whileDatabaseAway(() -> fail(runId, e.toString()));
            } catch (RuntimeException notStored) {
                // the run stays RUNNING until its heartbeat expires (LEASE), then any node marks it failed
                log.error("Schedule run {} could not be marked failed", runId, notStored);
            }
        } finally {
            progressHere.remove(runId);
            runningHere.remove(runId);
            stoppedHere.remove(runId);
        }
    }

    /**
     * An organizer stopped the run (its status is no longer RUNNING): when this node solves it, the solve's later parts
     * are left out and nothing is stored. Another node's stop is seen here at the next heartbeat or progress write.
     */
    void stopped(long runId) {
        if (runningHere.contains(runId)) {
            stoppedHere.add(runId);
        }
    }

    /** The least time between two progress writes; none in tests. */
    long progressEveryNanos = PROGRESS_EVERY_NANOS;

    /** How long a build's result waits for the database to answer again; shorter in tests. */
    Duration storeRetryFor = LEASE;
    Duration storeRetryPause = Duration.ofSeconds(1);

    /** Runs {@code work} (idempotent) again while it fails because the database cannot be reached, for a while. */
    private void whileDatabaseAway(Runnable work) {
        long deadline = System.nanoTime() + storeRetryFor.toNanos();
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                // the project's one test of "the database cannot be reached", a Galera node's loss included
                if (!DatabaseFailures.isAway(e) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                log.warn("The database is away ({}); storing again in {} ms", e.getMessage(),
                        storeRetryPause.toMillis());
                try {
                    Thread.sleep(storeRetryPause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    void fail(long runId, String error) {
        jdbc.update("""
                update schedule_run set status = 'FAILED', error = :error, finished_at = :now
                where id = :id and status = 'RUNNING'""",
                new MapSqlParameterSource("id", runId)
                        .addValue("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    /**
     * At start-up: the runs this node left running were cut off by its restart, and runs of nodes that
     * stopped renewing their heartbeat were cut off with their node.
     */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedRuns() {
        Timestamp now = Timestamp.from(clock.instant());
        int own = jdbc.update("""
                update schedule_run set status = 'FAILED', error = 'interrupted by a restart', finished_at = :now
                where status = 'RUNNING' and (node_id = :node or node_id is null)""",
                new MapSqlParameterSource("now", now).addValue("node", node.id()));
        int abandoned = failAbandonedRuns();
        if (own + abandoned > 0) {
            log.warn("{} schedule run(s) of this node ({}) and {} of stopped nodes marked failed", own, node.id(),
                    abandoned);
        }
    }

    /**
     * Renews the heartbeat of this node's runs, then fails the runs of nodes that stopped renewing theirs. A database
     * that cannot be reached is logged in one line when it goes away and one when it is back, not with a stack trace
     * every tick.
     */
    @Scheduled(fixedDelayString = "${b2bforum.scheduling.heartbeat:10s}", initialDelayString = "${b2bforum.scheduling.heartbeat:10s}")
    void heartbeat() {
        try {
            if (!runningHere.isEmpty()) {
                List<Long> ids = List.copyOf(runningHere);
                jdbc.update("update schedule_run set heartbeat_at = :now where id in (:ids) and status = 'RUNNING'",
                        new MapSqlParameterSource("now", Timestamp.from(clock.instant())).addValue("ids", ids));
                // stopped by an organizer, maybe on another node
                jdbc.queryForList("select id from schedule_run where id in (:ids) and status = 'STOPPED'",
                        new MapSqlParameterSource("ids", ids), Long.class).forEach(this::stopped);
                progressHere.values().forEach(ProgressWriter::writeHeldBack);
            }
            int abandoned = failAbandonedRuns();
            if (abandoned > 0) {
                log.warn("{} schedule run(s) marked failed: their node stopped renewing the heartbeat", abandoned);
            }
        } catch (DataAccessException e) {
            if (!heartbeatFailing) {
                heartbeatFailing = true;
                log.warn("Schedule heartbeat: the database cannot be reached ({}); trying again every tick", e.getMessage());
            }
            return;
        }
        if (heartbeatFailing) {
            heartbeatFailing = false;
            log.info("Schedule heartbeat: the database answers again");
        }
    }

    /** Fails the runs whose heartbeat has expired (never those of a node that renews it). */
    int failAbandonedRuns() {
        return jdbc.update("""
                update schedule_run set status = 'FAILED', error = concat('node ', coalesce(node_id, '?'), ' stopped'),
                       finished_at = :now
                where status = 'RUNNING' and coalesce(heartbeat_at, started_at) < :expired""",
                new MapSqlParameterSource("now", Timestamp.from(clock.instant()))
                        .addValue("expired", Timestamp.from(clock.instant().minus(LEASE))));
    }

    /**
     * Writes the figures of the best schedule so far, at most five times a second: a part of the build that does worse
     * than an earlier one is not shown (the must-meet-first way's parts each report their own schedules: ux50 saw
     * 1,260 placed, then 1,123, then 1,260 again). The bound is the one reported with that schedule. A best that came
     * within the pause after a write is written at the next report or the next heartbeat, whichever comes first: with
     * only new bests reported ({@code ProgressListener.newBestOnly}) the last of a burst of them was otherwise never
     * written, and the page showed an older "best so far" until the build ended.
     */
    private final class ProgressWriter implements ProgressListener {

        private final long runId;
        private final long started;
        private long last;
        private int bestPlaced;
        private int bestBreaks;
        private int bestBound;
        private boolean written = true;

        ProgressWriter(long runId, long started) {
            this.runId = runId;
            this.started = started;
        }

        /**
         * Hears only a new best of the whole build, with the highest bound heard ({@link #solveMustFirst} puts
         * {@link ProgressListener#newBestOnly} before it): it keeps the latest until it is written.
         */
        @Override
        public synchronized void improved(int placed, int totalBreaks, int lowerBound, double seconds) {
            bestPlaced = placed;
            bestBreaks = totalBreaks;
            bestBound = lowerBound;
            written = false;
            long now = System.nanoTime();
            if (written || last != 0 && now - last < progressEveryNanos) {
                return;
            }
            write(now);
        }

        /** At the heartbeat: the best schedule held back by the pause, if any, is written now. */
        synchronized void writeHeldBack() {
            if (!written && System.nanoTime() - last >= 0) {
                write(System.nanoTime());
            }
        }

        private void write(long now) {
            last = now;
            written = true;
            try {
                int updated = jdbc.update("""
                        update schedule_run set placed = :placed, total_breaks = :breaks, lower_bound = :bound,
                               seconds = :seconds, heartbeat_at = :heartbeat where id = :id and status = 'RUNNING'""",
                        new MapSqlParameterSource("id", runId).addValue("placed", bestPlaced)
                                .addValue("breaks", bestBreaks).addValue("heartbeat", Timestamp.from(clock.instant()))
                                .addValue("bound", bestBound).addValue("seconds", (now - started) / 1e9));
                if (updated == 0) {
                    // no longer running: stopped by an organizer (or failed by another node)
                    stopped(runId);
                }
            } catch (DataAccessException e) {
                // figures for the page only: a build goes on while the database is away (the next ones, or the
                // result, are stored once it answers); the solver's threads must not see this failure
                log.warn("Progress of schedule run {} not stored: {}", runId, e.getMessage());
                last = System.nanoTime() + PROGRESS_PAUSE_AFTER_FAILURE_NANOS - progressEveryNanos;
                written = false;
            }
        }
    }

    // ---------------------------------------------------------------- the build (DayBuild)

    /**
     * The build: {@code progress} hears only of a new best of the whole build (more placed, then fewer breaks): its
     * parts (the first solve, the must-meet wishes alone, the rest around them) each report their own, and the page's
     * line went down and up again (ux50's forum day: 1,260 -> 1,123 -> 1,260 placed).
     */
    ScheduleResult solveMustFirst(DayProblem input, Duration timeLimit, ProgressListener progress) {
        return solveMustFirst(input, timeLimit, progress, Scheduler.NOT_STOPPED);
    }

    /** As above; once {@code stop} says so, the parts of the solve not begun yet are left out. */
    ScheduleResult solveMustFirst(DayProblem input, Duration timeLimit, ProgressListener progress,
            BooleanSupplier stop) {
        return build.solve(input, timeLimit, ProgressListener.newBestOnly(progress), stop);
    }

    // ---------------------------------------------------------------- storing

    /**
     * Stores each meeting's place. Confirmed meetings keep their own table; a new meeting takes the
     * table the scheduler gave it when that one is free, else the first free table of the slot.
     */
    private void store(long runId, DayProblem input, ScheduleResult result, double seconds) {
        List<DayMeeting> meetings = input.meetings();
        Map<Integer, Placement> placed = new HashMap<>();
        result.placements().forEach(p -> placed.put(p.meeting(), p));
        Map<Integer, Unplaced> unplaced = new HashMap<>();
        result.unplaced().forEach(u -> unplaced.put(u.meeting(), u));

        List<MapSqlParameterSource> rows = new ArrayList<>();
        List<Placement> finalPlacements = new ArrayList<>();
        boolean dropped = false;
        List<Set<Long>> taken = new ArrayList<>();
        input.slots().forEach(s -> taken.add(new HashSet<>()));
        for (int m = 0; m < meetings.size(); m++) {
            DayMeeting meeting = meetings.get(m);
            if (meeting.kind() == Kind.FIXED) {
                int slot = input.problem().meetings().get(m).fixedSlot();
                taken.get(slot).add(meeting.fixedTableId());
                finalPlacements.add(new Placement(m, slot, 0));
                rows.add(row(runId, m).addValue("slot", meeting.fixedSlotId()).addValue("table", meeting.fixedTableId()));
            }
        }
        for (Placement placement : result.placements()) {
            DayMeeting meeting = meetings.get(placement.meeting());
            if (meeting.kind() == Kind.FIXED) {
                continue;
            }
            List<TablePlace> tables = input.slots().get(placement.slot()).tables();
            Set<Long> used = taken.get(placement.slot());
            TablePlace table = placement.table() >= 0 && placement.table() < tables.size()
                    && !used.contains(tables.get(placement.table()).tableId()) ? tables.get(placement.table())
                    : tables.stream().filter(t -> !used.contains(t.tableId())).findFirst().orElse(null);
            if (table == null) {
                unplaced.put(placement.meeting(), new Unplaced(placement.meeting(), Unplaced.Reason.NO_TABLE, -1, 0, 0));
                dropped = true;
                continue;
            }
            used.add(table.tableId());
            finalPlacements.add(placement);
            rows.add(row(runId, placement.meeting()).addValue("slot", table.slotId()).addValue("table", table.tableId()));
        }
        for (int m = 0; m < meetings.size(); m++) {
            if (meetings.get(m).kind() == Kind.FIXED || (placed.containsKey(m) && !unplaced.containsKey(m))) {
                continue;
            }
            Unplaced why = unplaced.getOrDefault(m, new Unplaced(m, Unplaced.Reason.TIME_LIMIT, -1, 0, 0));
            rows.add(row(runId, m).addValue("slot", null).addValue("table", null)
                    .addValue("reason", why.reason().name())
                    .addValue("reasonCompany", why.participant() >= 0 ? input.companyIds().get(why.participant()) : null)
                    .addValue("wanted", why.wanted()).addValue("available", why.available()));
        }
        int[] breaks = BreakCounter.perParticipant(input.problem(), finalPlacements);
        int total = BreakCounter.total(breaks);
        int bound = storedBound(result, dropped, total);
        boolean optimal = !dropped && result.provedOptimal();
        // the run first: one an organizer stopped meanwhile keeps no places
        transactions.executeWithoutResult(status -> {
            int done = jdbc.update("""
                    update schedule_run set status = 'DONE', placed = :placed, total_breaks = :total, max_breaks = :max,
                           fairness_gap = :gap, lower_bound = :bound, proved_optimal = :optimal, seconds = :seconds,
                           finished_at = :now
                    where id = :id and status = 'RUNNING'""",
                    new MapSqlParameterSource("id", runId).addValue("placed", finalPlacements.size())
                            .addValue("total", total).addValue("max", BreakCounter.max(breaks))
                            .addValue("gap", BreakCounter.gap(breaks)).addValue("bound", bound)
                            .addValue("optimal", optimal).addValue("seconds", seconds)
                            .addValue("now", Timestamp.from(clock.instant())));
            if (done == 0) {
                return;
            }
            jdbc.batchUpdate("""
                    update schedule_run_meeting set slot_id = :slot, table_id = :table, reason = :reason,
                           reason_company_id = :reasonCompany, wanted = :wanted, available = :available
                    where run_id = :run and position = :position""", rows.toArray(MapSqlParameterSource[]::new));
        });
    }

    /**
     * The bound stored with the schedule as saved: none (0) when a placement found no table, since the
     * scheduler's bound was for the meetings it placed; else the scheduler's, at most the saved total.
     */
    static int storedBound(ScheduleResult result, boolean dropped, int total) {
        return dropped ? 0 : Math.min(result.lowerBound(), total);
    }

    private static MapSqlParameterSource row(long runId, int position) {
        return new MapSqlParameterSource("run", runId).addValue("position", position).addValue("reason", null)
                .addValue("reasonCompany", null).addValue("wanted", 0).addValue("available", 0);
    }
}
