package org.b2bforum.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.b2bforum.base.i18n.Bilingual;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.meeting.BookingRefusedException;
import org.b2bforum.meeting.OrganizerBookings;
import org.b2bforum.meeting.ScheduledMeeting;
import org.b2bforum.schedule.DayProblem.Kind;
import org.b2bforum.schedule.DayProblem.SlotTime;
import org.b2bforum.schedule.ScheduleReview.Cell;
import org.b2bforum.schedule.ScheduleReview.CellKind;
import org.b2bforum.schedule.ScheduleReview.CompanyDay;
import org.b2bforum.schedule.ScheduleReview.PlacedMeeting;
import org.b2bforum.schedule.ScheduleReview.SlotUse;
import org.b2bforum.schedule.ScheduleReview.UnplacedMeeting;
import org.b2bforum.optimizer.BreakCounter;
import org.b2bforum.optimizer.Unplaced;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds a forum day's schedule from the companies' wishes, for the organizers: a run solves in the
 * background within a time limit (one run at a time in the forum), its progress and result are
 * stored, the organizers review it and publish it as confirmed meetings. Confirmed meetings of
 * the day, booked directly or published earlier, are fixed inputs: a new run keeps them where they
 * are. A run whose inputs changed since it was built is stale and cannot be published.
 */
@Service
public class ScheduleService {

    static final Duration MAX_TIME_LIMIT = Duration.ofMinutes(10);

    private static final String SELECT_RUN = """
            select r.id, r.day_id, d.day, r.status, r.scheduler, r.time_limit_seconds, r.companies, r.slots, r.meetings,
                   r.fixed_meetings, r.placed, r.total_breaks, r.max_breaks, r.fairness_gap, r.lower_bound,
                   r.proved_optimal, r.seconds, r.error, r.started_at, r.finished_at, r.published_at
            from schedule_run r join forum_day d on d.id = r.day_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final DayProblemBuilder problems;
    private final ScheduleRunner runner;
    private final OrganizerBookings meetings;
    private final CurrentUser currentUser;
    private final TaskExecutor executor;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration defaultTimeLimit;

    ScheduleService(NamedParameterJdbcTemplate jdbc, DayProblemBuilder problems, ScheduleRunner runner,
            OrganizerBookings meetings, CurrentUser currentUser, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            PlatformTransactionManager transactionManager, Clock clock,
            @Value("${b2bforum.scheduling.time-limit:20s}") Duration defaultTimeLimit) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.runner = runner;
        this.meetings = meetings;
        this.currentUser = currentUser;
        this.executor = executor;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.defaultTimeLimit = defaultTimeLimit;
    }

    /** The time limit a run gets unless the organizer chooses another ({@code b2bforum.scheduling.time-limit}). */
    public Duration defaultTimeLimit() {
        return defaultTimeLimit;
    }

    /** The day's scheduling problem as it stands now: what a run started now would solve. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public DayProblem problem(long dayId) {
        return problems.build(dayId);
    }

    /**
     * Starts a run for the day in the background and returns its id at once. Not one transaction:
     * the run is stored (and committed) before its thread starts.
     *
     * @throws ScheduleRefusedException while another run is in progress, for a day without
     *         negotiation slots or without wishes to place, or for a time limit out of range
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    public long build(long dayId, Duration timeLimit) {
        ForumUser user = currentUser.require();
        if (timeLimit == null || timeLimit.compareTo(Duration.ofSeconds(1)) < 0 || timeLimit.compareTo(MAX_TIME_LIMIT) > 0) {
            throw new ScheduleRefusedException("schedule.error.time-limit", MAX_TIME_LIMIT.toSeconds());
        }
        DayProblem input = transactions.execute(status -> problems.build(dayId));
        if (input.slots().isEmpty()) {
            throw new ScheduleRefusedException("schedule.error.no-slots");
        }
        if (input.wishedMeetings() == 0) {
            throw new ScheduleRefusedException("schedule.error.no-wishes");
        }
        long runId;
        try {
            runId = transactions.execute(status -> insertRun(input, timeLimit, user));
        } catch (DuplicateKeyException e) {
            throw new ScheduleRefusedException("schedule.error.running");
        }
        try {
            executor.execute(() -> runner.run(runId, input, timeLimit));
        } catch (TaskRejectedException e) {
            runner.fail(runId, "rejected: " + e.getMessage());
            throw new ScheduleRefusedException("schedule.error.running");
        }
        return runId;
    }

    /**
     * Stops a run in progress at once, for every organizer's page and every node: it ends as
     * {@link ScheduleRunStatus#STOPPED} and keeps no schedule (the day's confirmed meetings stay as they are), and
     * another run may start. The solver's current part may go on in the background until its time is up; its answer
     * is not stored. The scheduler cannot hand over its best schedule before its time limit ends, so a stop cannot
     * keep it: an organizer who wants the best of a long build lets it end or sets a shorter limit.
     *
     * @return whether the run was stopped; false when it had ended already (its result stands)
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    public boolean stop(long runId) {
        currentUser.require();
        boolean stopped = jdbc.update("""
                update schedule_run set status = 'STOPPED', finished_at = :now where id = :id and status = 'RUNNING'""",
                new MapSqlParameterSource("id", runId).addValue("now", Timestamp.from(clock.instant()))) > 0;
        if (stopped) {
            runner.stopped(runId);
        }
        return stopped;
    }

    private long insertRun(DayProblem input, Duration timeLimit, ForumUser user) {
        // The problem was read in a transaction of its own: the day may have been emptied and removed since (review52).
        // Read with a shared lock, as the run's foreign key would read it, so a removal waits for the run or the run
        // for the removal, and the one that comes second is refused in words, nothing stored.
        if (jdbc.queryForList("select id from forum_day where id = :day lock in share mode",
                new MapSqlParameterSource("day", input.dayId()), Long.class).isEmpty()) {
            throw new ScheduleRefusedException("schedule.error.day-removed");
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into schedule_run (day_id, status, scheduler, time_limit_seconds, fingerprint, companies, slots,
                    meetings, fixed_meetings, placed, started_by, started_at, node_id, heartbeat_at)
                values (:day, 'RUNNING', :scheduler, :limit, :fingerprint, :companies, :slots, :meetings, :fixed, 0,
                    :user, :now, :node, :now)""",
                new MapSqlParameterSource("day", input.dayId()).addValue("scheduler", runner.schedulerName())
                        .addValue("limit", timeLimit.toSeconds()).addValue("fingerprint", input.fingerprint())
                        .addValue("companies", input.companyIds().size()).addValue("slots", input.slots().size())
                        .addValue("meetings", input.meetings().size()).addValue("fixed", input.fixedMeetings())
                        .addValue("user", user.id()).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("node", runner.nodeId()),
                keys, new String[] {"id"});
        long runId = keys.getKey().longValue();
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (int m = 0; m < input.meetings().size(); m++) {
            DayProblem.DayMeeting meeting = input.meetings().get(m);
            rows.add(new MapSqlParameterSource("run", runId).addValue("position", m).addValue("a", meeting.companyA())
                    .addValue("b", meeting.companyB()).addValue("kind", meeting.kind().name())
                    .addValue("fixed", meeting.fixedMeetingId()));
        }
        jdbc.batchUpdate("""
                insert into schedule_run_meeting (run_id, position, company_a_id, company_b_id, kind, fixed_meeting_id)
                values (:run, :position, :a, :b, :kind, :fixed)""", rows.toArray(MapSqlParameterSource[]::new));
        return runId;
    }

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public Optional<ScheduleRun> run(long runId) {
        return jdbc.query(SELECT_RUN + " where r.id = :id", new MapSqlParameterSource("id", runId),
                ScheduleService::run).stream().findFirst();
    }

    /**
     * The day's latest run that was not stopped, if any. A stopped run keeps no schedule, so the day is as it was
     * before it: the page shows the schedule built before it again (which may still be published), not "building
     * stopped" in its place (review48: a build started and stopped hid the day's finished one until built again).
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public Optional<ScheduleRun> latestRun(long dayId) {
        return jdbc.query(SELECT_RUN + " where r.day_id = :day and r.status <> 'STOPPED' order by r.id desc limit 1",
                new MapSqlParameterSource("day", dayId), ScheduleService::run).stream().findFirst();
    }

    /** The run in progress in the forum, if any (there is at most one). */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public Optional<ScheduleRun> runningRun() {
        return jdbc.query(SELECT_RUN + " where r.status = 'RUNNING'", new MapSqlParameterSource(), ScheduleService::run)
                .stream().findFirst();
    }

    /**
     * A run's result for review: meetings placed and not placed, table use per slot, each
     * company's day, and whether its inputs changed since.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public ScheduleReview review(long runId) {
        ScheduleRun run = run(runId).orElseThrow(() -> new ScheduleRefusedException("schedule.error.not-found"));
        DayProblem now = problems.build(run.dayId());
        boolean stale = run.status() == ScheduleRunStatus.DONE && !now.fingerprint().equals(fingerprintOf(runId));
        Map<Instant, Integer> slotIndex = new HashMap<>();
        for (int s = 0; s < now.slots().size(); s++) {
            slotIndex.put(now.slots().get(s).startsAt(), s);
        }
        List<PlacedMeeting> placed = new ArrayList<>();
        List<UnplacedMeeting> unplaced = new ArrayList<>();
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.query("""
                select m.position, m.company_a_id, a.short_name a_name, m.company_b_id, b.short_name b_name, m.kind,
                       s.starts_at, s.ends_at, h.name hall_name, h.name_en hall_name_en, t.number table_number, m.reason,
                       rc.short_name reason_company, m.wanted, m.available
                from schedule_run_meeting m
                join company a on a.id = m.company_a_id
                join company b on b.id = m.company_b_id
                left join slot s on s.id = m.slot_id
                left join hall h on h.id = s.hall_id
                left join meeting_table t on t.id = m.table_id
                left join company rc on rc.id = m.reason_company_id
                where m.run_id = :run order by m.position""", new MapSqlParameterSource("run", runId), rs -> {
                    names.put(rs.getLong("company_a_id"), rs.getString("a_name"));
                    names.put(rs.getLong("company_b_id"), rs.getString("b_name"));
                    Kind kind = Kind.valueOf(rs.getString("kind"));
                    Timestamp start = rs.getTimestamp("starts_at");
                    if (start != null && rs.getObject("table_number") != null) {
                        placed.add(new PlacedMeeting(rs.getLong("company_a_id"), rs.getString("a_name"),
                                rs.getLong("company_b_id"), rs.getString("b_name"), kind,
                                slotIndex.getOrDefault(start.toInstant(), -1), start.toInstant(),
                                rs.getTimestamp("ends_at").toInstant(), rs.getString("hall_name"),
                                rs.getString("hall_name_en"), rs.getInt("table_number")));
                    } else if (rs.getString("reason") != null) {
                        unplaced.add(new UnplacedMeeting(rs.getLong("company_a_id"), rs.getString("a_name"),
                                rs.getLong("company_b_id"), rs.getString("b_name"), kind,
                                Unplaced.Reason.valueOf(rs.getString("reason")), rs.getString("reason_company"),
                                rs.getInt("wanted"), rs.getInt("available")));
                    }
                });
        placed.sort(Comparator.comparing(PlacedMeeting::startsAt).thenComparing(m -> m.hallName())
                .thenComparingInt(PlacedMeeting::tableNumber));

        List<SlotUse> slots = new ArrayList<>();
        for (int s = 0; s < now.slots().size(); s++) {
            SlotTime slot = now.slots().get(s);
            int index = s;
            slots.add(new SlotUse(slot.startsAt(), slot.endsAt(), slot.tables().size(),
                    (int) placed.stream().filter(p -> p.slot() == index).count()));
        }
        List<CompanyDay> companies = new ArrayList<>();
        names.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> companies.add(companyDay(e.getKey(), e.getValue(), placed, now)));
        return new ScheduleReview(run, slots, placed, unplaced, companies, stale);
    }

    private static CompanyDay companyDay(long companyId, String name, List<PlacedMeeting> placed, DayProblem day) {
        int slots = day.slots().size();
        Cell[] cells = new Cell[slots];
        boolean[] meets = new boolean[slots];
        for (PlacedMeeting meeting : placed) {
            if (meeting.slot() < 0 || (meeting.companyAId() != companyId && meeting.companyBId() != companyId)) {
                continue;
            }
            meets[meeting.slot()] = true;
            cells[meeting.slot()] = new Cell(meeting.kind() == Kind.FIXED ? CellKind.FIXED : CellKind.MEETING,
                    meeting.companyAId() == companyId ? meeting.companyB() : meeting.companyA(),
                    new Bilingual(meeting.hallName(), meeting.hallNameEn()), meeting.tableNumber());
        }
        int first = -1;
        int last = -1;
        for (int s = 0; s < slots; s++) {
            if (meets[s]) {
                first = first < 0 ? s : first;
                last = s;
            }
        }
        int participant = day.participantOf(companyId);
        List<Cell> row = new ArrayList<>();
        int meetings = 0;
        for (int s = 0; s < slots; s++) {
            if (cells[s] != null) {
                meetings++;
                row.add(cells[s]);
            } else if (participant >= 0 && day.problem().forbidden().get(participant).contains(s)) {
                row.add(new Cell(CellKind.PROGRAM, null, null, null));
            } else {
                row.add(new Cell(s > first && s < last ? CellKind.BREAK : CellKind.FREE, null, null, null));
            }
        }
        return new CompanyDay(companyId, name, row, meetings, BreakCounter.breaks(meets));
    }

    /**
     * Publishes a finished run: its new meetings become confirmed meetings with their slots and
     * tables, and both companies of each are notified; the run is marked published. All or
     * nothing, under the same guarantees as any booking.
     *
     * @return the number of meetings confirmed
     * @throws ScheduleRefusedException when the run is not finished, was published already, or is
     *         stale (wishes, meetings or the program changed since it was built), or when a meeting
     *         no longer fits
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    public int publish(long runId) {
        ForumUser user = currentUser.require();
        ScheduleRun run = run(runId).orElseThrow(() -> new ScheduleRefusedException("schedule.error.not-found"));
        requirePublishable(run.status());
        List<ScheduledMeeting> scheduled = jdbc.query("""
                select company_a_id, company_b_id, slot_id, table_id from schedule_run_meeting
                where run_id = :run and kind <> 'FIXED' and slot_id is not null and table_id is not null
                order by position""", new MapSqlParameterSource("run", runId),
                (rs, i) -> new ScheduledMeeting(rs.getLong("company_a_id"), rs.getLong("company_b_id"),
                        rs.getLong("slot_id"), rs.getLong("table_id")));
        try {
            return meetings.publishScheduled(scheduled, () -> {
                // one publication of a day at a time; the reads that follow see what the previous one wrote
                jdbc.queryForList("select id from forum_day where id = :day for update",
                        new MapSqlParameterSource("day", run.dayId()), Long.class);
                // another organizer removed the day meanwhile, and its unpublished runs with it: words, not the
                // empty result's exception (an error page)
                String status = jdbc.queryForList("select status from schedule_run where id = :id for update",
                        new MapSqlParameterSource("id", runId), String.class).stream().findFirst()
                        .orElseThrow(() -> new ScheduleRefusedException("schedule.error.day-removed"));
                requirePublishable(ScheduleRunStatus.valueOf(status));
                if (!problems.build(run.dayId()).fingerprint().equals(fingerprintOf(runId))) {
                    throw new ScheduleRefusedException("schedule.error.stale");
                }
                jdbc.update("""
                        update schedule_run set status = 'PUBLISHED', published_at = :now, published_by = :user
                        where id = :id""", new MapSqlParameterSource("id", runId).addValue("user", user.id())
                        .addValue("now", Timestamp.from(clock.instant())));
            }).size();
        } catch (BookingRefusedException e) {
            throw new ScheduleRefusedException(e.key(), e.args());
        }
    }

    private static void requirePublishable(ScheduleRunStatus status) {
        if (status == ScheduleRunStatus.PUBLISHED) {
            throw new ScheduleRefusedException("schedule.error.published");
        }
        if (status != ScheduleRunStatus.DONE) {
            throw new ScheduleRefusedException("schedule.error.not-done");
        }
    }

    private String fingerprintOf(long runId) {
        return jdbc.queryForObject("select fingerprint from schedule_run where id = :id",
                new MapSqlParameterSource("id", runId), String.class);
    }

    private static ScheduleRun run(ResultSet rs, int row) throws SQLException {
        return new ScheduleRun(rs.getLong("id"), rs.getLong("day_id"), rs.getObject("day", LocalDate.class),
                ScheduleRunStatus.valueOf(rs.getString("status")), rs.getString("scheduler"),
                rs.getInt("time_limit_seconds"), rs.getInt("companies"), rs.getInt("slots"), rs.getInt("meetings"),
                rs.getInt("fixed_meetings"), rs.getInt("placed"), rs.getObject("total_breaks", Integer.class),
                rs.getObject("max_breaks", Integer.class), rs.getObject("fairness_gap", Integer.class),
                rs.getObject("lower_bound", Integer.class), rs.getBoolean("proved_optimal"), rs.getDouble("seconds"),
                rs.getString("error"), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                instant(rs.getTimestamp("published_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
