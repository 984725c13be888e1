package org.b2bforum.program;

import static org.b2bforum.base.text.Texts.singleLine;
import static org.b2bforum.program.ProgramWrites.dayOf;
import static org.b2bforum.program.ProgramWrites.english;
import static org.b2bforum.program.ProgramWrites.insert;
import static org.b2bforum.program.ProgramWrites.refuseIfAny;
import static org.b2bforum.program.ProgramWrites.text;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.b2bforum.base.i18n.ForumTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forum program's frame, set up by organizers: days, halls with numbered tables, and negotiation sessions
 * cut into slots. A change that would break confirmed meetings is refused with the list of those meetings.
 * Anyone logged in may read the program. The program items and their sign-ups are {@link ProgramItems}, the
 * booking window {@link BookingWindow}.
 */
@Service
public class ProgramService {

    /**
     * The longest slot, in minutes; the database holds slots to it too (a check constraint), as
     * the booking checks look for overlapping meetings only among those begun that long before.
     */
    public static final int MAX_SLOT_MINUTES = 240;

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final NamedParameterJdbcTemplate jdbc;
    private final ProgramConflicts conflicts;
    private final DaySchedules schedules;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;

    ProgramService(NamedParameterJdbcTemplate jdbc, ProgramConflicts conflicts, DaySchedules schedules,
            ApplicationEventPublisher events, ForumTime forumTime) {
        this.jdbc = jdbc;
        this.conflicts = conflicts;
        this.schedules = schedules;
        this.events = events;
        this.zone = forumTime.zone();
    }

    // ---- days ----

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public long addDay(LocalDate day) {
        try {
            return insert(jdbc, "insert into forum_day (day) values (:day)", new MapSqlParameterSource("day", day));
        } catch (DuplicateKeyException e) {
            throw new InvalidProgramException("program.error.day-exists");
        }
    }

    /**
     * Removes a day added by mistake, once nothing is on it: its sessions and program items are removed first, each
     * with its own checks (a session with confirmed meetings stays), so nothing booked goes with the day. The schedules
     * built on it to try go with it (the schedule feature removes them on {@link ForumDayRemoving}); a published one
     * is the record of meetings that were confirmed, so it keeps the day, and so does one being built.
     *
     * @throws InvalidProgramException when a session or a program item is still on the day, a schedule of the day was
     *                                 published, or one is being built
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void removeDay(long dayId) {
        MapSqlParameterSource params = new MapSqlParameterSource("day", dayId);
        // locked: a session or an item added to the day meanwhile waits for this (its key reads the day's row), and so
        // does a schedule run started on it (its key to the day)
        if (jdbc.queryForList("select id from forum_day where id = :day for update", params, Long.class).isEmpty()) {
            return;
        }
        Integer onTheDay = jdbc.queryForObject("""
                select (select count(*) from negotiation_session where day_id = :day)
                     + (select count(*) from program_item where day_id = :day)""", params, Integer.class);
        if (onTheDay != null && onTheDay > 0) {
            throw new InvalidProgramException("program.error.day-not-empty");
        }
        DaySchedules.Built built = schedules.of(dayId);
        if (built.published() > 0) {
            throw new InvalidProgramException("program.error.day-scheduled");
        }
        if (built.building()) {
            throw new InvalidProgramException("program.error.day-building");
        }
        events.publishEvent(new ForumDayRemoving(dayId));
        try {
            jdbc.update("delete from forum_day where id = :day", params);
        } catch (DataIntegrityViolationException e) {
            // a schedule run of the day started between the check and here (the key waits for the lock, so only a
            // run that was not there to remove): the day stays, in words
            throw new InvalidProgramException("program.error.day-building");
        }
    }

    /** The schedules built for a day, for the question before its removal (they are removed with it). */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public DaySchedules.Built schedulesOf(long dayId) {
        return schedules.of(dayId);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ForumDay> days() {
        return jdbc.query("select id, day from forum_day order by day", (rs, i) -> new ForumDay(rs.getLong("id"),
                rs.getObject("day", LocalDate.class)));
    }

    // ---- halls and tables ----

    /**
     * Adds a hall with tables 1..tableCount; {@code nameEn}, its name for English readers, may be empty (they
     * then read the Russian one). Nothing is stored when any of it is refused.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public long addHall(String name, String nameEn, int tableCount) {
        text(name, 100);
        String english = english(nameEn, 100, "program.error.hall-en-too-long");
        long hallId;
        try {
            hallId = insert(jdbc, "insert into hall (name, name_en) values (:name, :nameEn)",
                    new MapSqlParameterSource("name", singleLine(name)).addValue("nameEn", english));
        } catch (DuplicateKeyException e) {
            throw new InvalidProgramException("program.error.hall-exists");
        }
        setTableCount(hallId, tableCount);
        return hallId;
    }

    /**
     * Sets how many tables a hall has (numbered 1..n). Removing tables that host confirmed
     * meetings is refused with those meetings.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void setTableCount(long hallId, int tableCount) {
        if (tableCount < 1 || tableCount > 500) {
            throw new InvalidProgramException("program.error.table-count");
        }
        lockHall(hallId);
        MapSqlParameterSource params = new MapSqlParameterSource("hall", hallId).addValue("n", tableCount);
        List<Long> removed = jdbc.queryForList(
                "select id from meeting_table where hall_id = :hall and number > :n", params, Long.class);
        refuseIfAny(removed.isEmpty() ? List.of() : conflicts.confirmedMeetingsAtTables(removed));
        if (!removed.isEmpty()) {
            jdbc.update("delete from meeting_table where hall_id = :hall and number > :n", params);
        }
        Integer existing = jdbc.queryForObject("select count(*) from meeting_table where hall_id = :hall", params,
                Integer.class);
        for (int number = existing + 1; number <= tableCount; number++) {
            jdbc.update("insert into meeting_table (hall_id, number) values (:hall, :number)",
                    new MapSqlParameterSource("hall", hallId).addValue("number", number));
        }
    }

    /**
     * Changes a hall: its name for English readers (empty removes it) and its table count, both or neither (as
     * {@link #setTableCount}, refused with the meetings at tables it would remove).
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void changeHall(long hallId, String nameEn, int tableCount) {
        String english = english(nameEn, 100, "program.error.hall-en-too-long");
        setTableCount(hallId, tableCount);
        jdbc.update("update hall set name_en = :nameEn where id = :id",
                new MapSqlParameterSource("id", hallId).addValue("nameEn", english));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Hall> halls() {
        return jdbc.query("""
                select h.id, h.name, h.name_en, (select count(*) from meeting_table t where t.hall_id = h.id) tables
                from hall h order by h.name""", (rs, i) -> new Hall(rs.getLong("id"), rs.getString("name"),
                rs.getString("name_en"), rs.getInt("tables")));
    }

    // ---- sessions and slots ----

    /**
     * Adds a negotiation session and cuts it into slots of {@code slotMinutes}, with {@code pauseMinutes} between
     * them; {@code nameEn}, its name for English readers, may be empty. Times are in the forum's time zone.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public long addSession(long dayId, long hallId, String name, String nameEn, LocalTime start, LocalTime end,
            int slotMinutes, int pauseMinutes) {
        LocalDate day = dayOf(jdbc, dayId);
        lockHall(hallId);
        text(name, 200);
        String english = english(nameEn, 200, "program.error.session-en-too-long");
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidProgramException("program.error.end-before-start");
        }
        if (slotMinutes < 5 || slotMinutes > MAX_SLOT_MINUTES || pauseMinutes < 0 || pauseMinutes > 120) {
            throw new InvalidProgramException("program.error.slot-length");
        }
        Instant startsAt = day.atTime(start).atZone(zone).toInstant();
        Instant endsAt = day.atTime(end).atZone(zone).toInstant();
        long sessionMinutes = Duration.between(startsAt, endsAt).toMinutes();
        if (sessionMinutes < slotMinutes) {
            // the two lengths and what to do, not the field's whole range: 60 minutes is a fine slot elsewhere
            throw new InvalidProgramException("program.error.slot-longer-than-session", slotMinutes, sessionMinutes);
        }
        List<Instant[]> slotTimes = new ArrayList<>();
        for (Instant at = startsAt; !at.plus(Duration.ofMinutes(slotMinutes)).isAfter(endsAt);
                at = at.plus(Duration.ofMinutes(slotMinutes + pauseMinutes))) {
            slotTimes.add(new Instant[] {at, at.plus(Duration.ofMinutes(slotMinutes))});
        }
        checkFits(hallId, startsAt, endsAt, slotTimes);
        long sessionId = insert(jdbc, """
                insert into negotiation_session (day_id, hall_id, name, name_en, starts_at, ends_at, slot_minutes,
                                                 pause_minutes)
                values (:day, :hall, :name, :nameEn, :start, :end, :slot, :pause)""",
                new MapSqlParameterSource("day", dayId).addValue("hall", hallId).addValue("name", singleLine(name))
                        .addValue("nameEn", english)
                        .addValue("start", Timestamp.from(startsAt)).addValue("end", Timestamp.from(endsAt))
                        .addValue("slot", slotMinutes).addValue("pause", pauseMinutes));
        List<MapSqlParameterSource> slots = new ArrayList<>();
        for (Instant[] times : slotTimes) {
            slots.add(new MapSqlParameterSource("session", sessionId).addValue("hall", hallId)
                    .addValue("start", Timestamp.from(times[0])).addValue("end", Timestamp.from(times[1])));
        }
        jdbc.batchUpdate("insert into slot (session_id, hall_id, starts_at, ends_at) values (:session, :hall, :start, :end)",
                slots.toArray(MapSqlParameterSource[]::new));
        return sessionId;
    }

    /**
     * A new session must not share its hall's tables with another session at the same time, and
     * its slots must coincide with the slots of sessions running at the same time elsewhere, so that
     * "one meeting per company and slot" also means "one hall at a time".
     */
    private void checkFits(long hallId, Instant startsAt, Instant endsAt, List<Instant[]> slotTimes) {
        MapSqlParameterSource window = new MapSqlParameterSource("hall", hallId)
                .addValue("start", Timestamp.from(startsAt)).addValue("end", Timestamp.from(endsAt));
        // the session in the way, named with its times: "another session" alone left the organizer to find it
        List<String[]> sameHall = jdbc.query("""
                select name, starts_at, ends_at from negotiation_session
                where hall_id = :hall and starts_at < :end and ends_at > :start order by starts_at limit 1""", window,
                (rs, i) -> new String[] {rs.getString("name"),
                        HOURS.format(rs.getTimestamp("starts_at").toInstant().atZone(zone)) + "–"
                                + HOURS.format(rs.getTimestamp("ends_at").toInstant().atZone(zone))});
        if (!sameHall.isEmpty()) {
            throw new InvalidProgramException("program.error.hall-busy", (Object[]) sameHall.getFirst());
        }
        for (Instant[] times : slotTimes) {
            Integer misaligned = jdbc.queryForObject("""
                    select count(*) from slot where starts_at < :end and ends_at > :start
                      and (starts_at <> :start or ends_at <> :end)""",
                    new MapSqlParameterSource("start", Timestamp.from(times[0])).addValue("end", Timestamp.from(times[1])),
                    Integer.class);
            if (misaligned != null && misaligned > 0) {
                throw new InvalidProgramException("program.error.slots-not-aligned");
            }
        }
    }

    /** Removes a session and its slots, unless confirmed meetings take place in it. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void removeSession(long sessionId) {
        MapSqlParameterSource params = new MapSqlParameterSource("session", sessionId);
        // locked, so that no meeting is confirmed in these slots while they go
        List<Long> slotIds = jdbc.queryForList("select id from slot where session_id = :session for update", params,
                Long.class);
        refuseIfAny(slotIds.isEmpty() ? List.of() : conflicts.confirmedMeetingsInSlots(slotIds));
        if (!slotIds.isEmpty()) {
            conflicts.dropRequestsInSlots(slotIds);
        }
        jdbc.update("delete from slot where session_id = :session", params);
        jdbc.update("delete from negotiation_session where id = :session", params);
    }

    /**
     * Renames a session, in Russian and (empty removes it) in English, both or neither; its hall, times and slots
     * stay, and so do the meetings booked in them.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void changeSession(long sessionId, String name, String nameEn) {
        text(name, 200);
        String english = english(nameEn, 200, "program.error.session-en-too-long");
        int changed = jdbc.update("update negotiation_session set name = :name, name_en = :nameEn where id = :id",
                new MapSqlParameterSource("id", sessionId).addValue("name", singleLine(name))
                        .addValue("nameEn", english));
        if (changed == 0) {
            throw new InvalidProgramException("program.error.no-session");
        }
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<NegotiationSession> sessions() {
        return jdbc.query("""
                select s.id, s.day_id, s.hall_id, h.name hall_name, h.name_en hall_name_en, s.name, s.name_en,
                       s.starts_at, s.ends_at, s.slot_minutes, s.pause_minutes,
                       (select count(*) from slot where session_id = s.id) slot_count
                from negotiation_session s join hall h on h.id = s.hall_id order by s.starts_at, h.name""",
                (rs, i) -> new NegotiationSession(rs.getLong("id"), rs.getLong("day_id"), rs.getLong("hall_id"),
                        rs.getString("hall_name"), rs.getString("hall_name_en"), rs.getString("name"),
                        rs.getString("name_en"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(), rs.getInt("slot_minutes"), rs.getInt("pause_minutes"),
                        rs.getInt("slot_count")));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Slot> slots(long sessionId) {
        return querySlots("where s.session_id = :session", new MapSqlParameterSource("session", sessionId));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Slot> slot(long slotId) {
        return querySlots("where s.id = :id", new MapSqlParameterSource("id", slotId)).stream().findFirst();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Slot> allSlots() {
        return querySlots("", new MapSqlParameterSource());
    }

    /**
     * Days, sessions and slots in one read-only transaction: one snapshot of InnoDB's (repeatable read), so a session
     * or a day removed meanwhile is either in all three lists or in none (read one by one, a slot came without its
     * session's day and the venue page failed).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ProgramGrid grid() {
        List<Slot> slots = allSlots(); // the snapshot begins at the first read: the slots, the most to be moved
        List<NegotiationSession> sessions = sessions();
        return new ProgramGrid(days(), sessions, slots);
    }

    private List<Slot> querySlots(String where, MapSqlParameterSource params) {
        return jdbc.query("""
                select s.id, s.session_id, n.name session_name, s.hall_id, h.name hall_name, s.starts_at, s.ends_at
                from slot s join negotiation_session n on n.id = s.session_id join hall h on h.id = s.hall_id
                """ + where + " order by s.starts_at, h.name", params,
                (rs, i) -> new Slot(rs.getLong("id"), rs.getLong("session_id"), rs.getString("session_name"),
                        rs.getLong("hall_id"), rs.getString("hall_name"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant()));
    }

    /** Locks the hall row: changes to one hall's tables and sessions happen one at a time. */
    private void lockHall(long hallId) {
        if (jdbc.queryForList("select id from hall where id = :id for update", new MapSqlParameterSource("id", hallId),
                Long.class).isEmpty()) {
            throw new InvalidProgramException("program.error.no-hall");
        }
    }
}
