package org.b2bforum.program;

import static org.b2bforum.base.text.Texts.singleLine;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.b2bforum.base.i18n.ForumTime;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.ForumAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forum program, set up by organizers: days, halls with numbered tables, negotiation sessions
 * cut into slots, program items and the booking window. A change that would break confirmed
 * meetings is refused with the list of those meetings. Anyone logged in may read the program.
 */
@Service
public class ProgramService {

    /**
     * The longest slot, in minutes; the database holds slots to it too (a check constraint), as
     * the booking checks look for overlapping meetings only among those begun that long before.
     */
    public static final int MAX_SLOT_MINUTES = 240;

    private final NamedParameterJdbcTemplate jdbc;
    private final ProgramConflicts conflicts;
    private final CurrentUser currentUser;
    private final ForumAccess access;
    private final ZoneId zone;

    ProgramService(NamedParameterJdbcTemplate jdbc, ProgramConflicts conflicts, CurrentUser currentUser,
            ForumAccess access, ForumTime forumTime) {
        this.jdbc = jdbc;
        this.conflicts = conflicts;
        this.currentUser = currentUser;
        this.access = access;
        this.zone = forumTime.zone();
    }

    // ---- days ----

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public long addDay(LocalDate day) {
        try {
            return insert("insert into forum_day (day) values (:day)", new MapSqlParameterSource("day", day));
        } catch (DuplicateKeyException e) {
            throw new InvalidProgramException("program.error.day-exists");
        }
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ForumDay> days() {
        return jdbc.query("select id, day from forum_day order by day", (rs, i) -> new ForumDay(rs.getLong("id"),
                rs.getObject("day", LocalDate.class)));
    }

    // ---- halls and tables ----

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public long addHall(String name, int tableCount) {
        return addHall(name, null, tableCount);
    }

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
            hallId = insert("insert into hall (name, name_en) values (:name, :nameEn)",
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
     * Adds a negotiation session and cuts it into slots of {@code slotMinutes}, with
     * {@code pauseMinutes} between them. Times are in the forum's time zone.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public long addSession(long dayId, long hallId, String name, LocalTime start, LocalTime end, int slotMinutes,
            int pauseMinutes) {
        return addSession(dayId, hallId, name, null, start, end, slotMinutes, pauseMinutes);
    }

    /** As {@link #addSession(long, long, String, LocalTime, LocalTime, int, int)}, with a name for English readers. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public long addSession(long dayId, long hallId, String name, String nameEn, LocalTime start, LocalTime end,
            int slotMinutes, int pauseMinutes) {
        LocalDate day = dayOf(dayId);
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
        if (Duration.between(startsAt, endsAt).toMinutes() < slotMinutes) {
            throw new InvalidProgramException("program.error.slot-length");
        }
        List<Instant[]> slotTimes = new ArrayList<>();
        for (Instant at = startsAt; !at.plus(Duration.ofMinutes(slotMinutes)).isAfter(endsAt);
                at = at.plus(Duration.ofMinutes(slotMinutes + pauseMinutes))) {
            slotTimes.add(new Instant[] {at, at.plus(Duration.ofMinutes(slotMinutes))});
        }
        checkFits(hallId, startsAt, endsAt, slotTimes);
        long sessionId = insert("""
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
        Integer sameHall = jdbc.queryForObject("""
                select count(*) from negotiation_session
                where hall_id = :hall and starts_at < :end and ends_at > :start""", window, Integer.class);
        if (sameHall != null && sameHall > 0) {
            throw new InvalidProgramException("program.error.hall-busy");
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

    private List<Slot> querySlots(String where, MapSqlParameterSource params) {
        return jdbc.query("""
                select s.id, s.session_id, n.name session_name, s.hall_id, h.name hall_name, s.starts_at, s.ends_at
                from slot s join negotiation_session n on n.id = s.session_id join hall h on h.id = s.hall_id
                """ + where + " order by s.starts_at, h.name", params,
                (rs, i) -> new Slot(rs.getLong("id"), rs.getLong("session_id"), rs.getString("session_name"),
                        rs.getLong("hall_id"), rs.getString("hall_name"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant()));
    }

    // ---- program items ----

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public long addProgramItem(long dayId, ProgramItemKind kind, String title, String place, LocalTime start,
            LocalTime end) {
        return addProgramItem(dayId, kind, title, null, place, null, start, end);
    }

    /**
     * Adds a program item; {@code titleEn} and {@code placeEn}, for English readers, may be empty (they then read
     * the Russian ones). Nothing is stored when any of it is refused.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public long addProgramItem(long dayId, ProgramItemKind kind, String title, String titleEn, String place,
            String placeEn, LocalTime start, LocalTime end) {
        LocalDate day = dayOf(dayId);
        text(title, 300);
        String englishTitle = english(titleEn, 300, "program.error.title-en-too-long");
        place(place);
        String englishPlace = english(placeEn, 200, "program.error.place-en-too-long");
        if (kind == null) {
            throw new InvalidProgramException("validation.required");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidProgramException("program.error.end-before-start");
        }
        return insert("""
                insert into program_item (day_id, kind, title, title_en, place, place_en, starts_at, ends_at)
                values (:day, :kind, :title, :titleEn, :place, :placeEn, :start, :end)""",
                new MapSqlParameterSource("day", dayId).addValue("kind", kind.name()).addValue("title", singleLine(title))
                        .addValue("titleEn", englishTitle).addValue("place", singleLine(place))
                        .addValue("placeEn", englishPlace)
                        .addValue("start", Timestamp.from(day.atTime(start).atZone(zone).toInstant()))
                        .addValue("end", Timestamp.from(day.atTime(end).atZone(zone).toInstant())));
    }

    /**
     * Changes a program item's title and place, in Russian and (empty removes them) in English, all of it or
     * none; its kind, day and times stay, and so do its sign-ups.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void changeProgramItem(long itemId, String title, String titleEn, String place, String placeEn) {
        text(title, 300);
        String englishTitle = english(titleEn, 300, "program.error.title-en-too-long");
        place(place);
        String englishPlace = english(placeEn, 200, "program.error.place-en-too-long");
        int changed = jdbc.update("""
                update program_item set title = :title, title_en = :titleEn, place = :place, place_en = :placeEn
                where id = :id""", new MapSqlParameterSource("id", itemId).addValue("title", singleLine(title))
                .addValue("titleEn", englishTitle).addValue("place", singleLine(place))
                .addValue("placeEn", englishPlace));
        if (changed == 0) {
            throw new InvalidProgramException("program.error.not-found");
        }
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ProgramItem> programItems() {
        return jdbc.query("""
                select p.id, p.day_id, p.kind, p.title, p.title_en, p.place, p.place_en, p.starts_at, p.ends_at,
                       (select count(*) from program_item_attendee a where a.program_item_id = p.id) attendees
                from program_item p order by p.starts_at, p.title""", ProgramService::programItem);
    }

    private static ProgramItem programItem(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ProgramItem(rs.getLong("id"), rs.getLong("day_id"), ProgramItemKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("title_en"), rs.getString("place"), rs.getString("place_en"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getInt("attendees"));
    }

    /**
     * Signs delegates up for a program item. Refused, with the meetings, when any of them has a
     * confirmed meeting while the item runs.
     *
     * <p>A person is never both in a meeting and in a program item at once: the delegates' companies are locked
     * as a booking step locks them (company rows in id order, {@code meeting/SlotLedger}), so a sign-up and a
     * booking of the same delegates take turns; read committed, so that the checks after the lock see the meeting
     * a booking committed while this waited (under repeatable read the snapshot would predate it).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void signUp(long programItemId, Collection<Long> delegateIds) {
        checkDelegatesOfCaller(delegateIds);
        if (!currentUser.require().isOrganizer()) {
            access.requireApprovedCompany(); // a company awaiting approval (or rejected) takes no seats
        }
        if (delegateIds.isEmpty()) {
            return;
        }
        List<Long> companies = jdbc.queryForList("select distinct company_id from delegate where id in (:ids)",
                new MapSqlParameterSource("ids", delegateIds), Long.class);
        if (!companies.isEmpty()) {
            jdbc.queryForList("select id from company where id in (:ids) order by id for update",
                    new MapSqlParameterSource("ids", companies), Long.class);
        }
        ProgramItem item = programItems().stream().filter(p -> p.id() == programItemId).findFirst()
                .orElseThrow(() -> new InvalidProgramException("program.error.not-found"));
        refuseIfAny(conflicts.confirmedMeetingsOfDelegates(delegateIds, item.startsAt(), item.endsAt()));
        Boolean elsewhere = jdbc.queryForObject("""
                select exists (select 1 from program_item p join program_item_attendee a on a.program_item_id = p.id
                               where a.delegate_id in (:delegates) and p.id <> :item
                                 and p.starts_at < :end and p.ends_at > :start)""",
                new MapSqlParameterSource("delegates", delegateIds).addValue("item", programItemId)
                        .addValue("start", Timestamp.from(item.startsAt())).addValue("end", Timestamp.from(item.endsAt())),
                Boolean.class);
        if (Boolean.TRUE.equals(elsewhere)) {
            throw new InvalidProgramException("program.error.attends-other-item");
        }
        for (long delegateId : delegateIds) {
            jdbc.update("insert ignore into program_item_attendee (program_item_id, delegate_id) values (:item, :delegate)",
                    new MapSqlParameterSource("item", programItemId).addValue("delegate", delegateId));
        }
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void withdraw(long programItemId, Collection<Long> delegateIds) {
        checkDelegatesOfCaller(delegateIds);
        for (long delegateId : delegateIds) {
            jdbc.update("delete from program_item_attendee where program_item_id = :item and delegate_id = :delegate",
                    new MapSqlParameterSource("item", programItemId).addValue("delegate", delegateId));
        }
    }

    /**
     * The program items the delegates attend (for agendas and for blocking their slots): any delegates' for
     * organizers, the own company's for its representative and its delegates; another company's are refused.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ProgramItem> itemsAttendedBy(Collection<Long> delegateIds) {
        if (delegateIds.isEmpty()) {
            return List.of();
        }
        ForumUser user = currentUser.require();
        if (!user.isOrganizer()) {
            requireOwn(delegateIds, user.companyId() != null ? user.companyId()
                    : user.delegateId() == null ? null : companyOfDelegate(user.delegateId()));
        }
        return jdbc.query("""
                select distinct p.id, p.day_id, p.kind, p.title, p.title_en, p.place, p.place_en, p.starts_at,
                       p.ends_at, 0 attendees
                from program_item p join program_item_attendee a on a.program_item_id = p.id
                where a.delegate_id in (:delegates) order by p.starts_at""",
                new MapSqlParameterSource("delegates", delegateIds), ProgramService::programItem);
    }

    // ---- booking settings ----

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public BookingSettings bookingSettings() {
        return jdbc.queryForObject("""
                select opens_at, closes_at, meeting_limit, instant_booking, wishes_phase from booking_settings where id = 1""",
                new MapSqlParameterSource(), (rs, i) -> new BookingSettings(
                        rs.getTimestamp("opens_at") == null ? null : rs.getTimestamp("opens_at").toInstant(),
                        rs.getTimestamp("closes_at") == null ? null : rs.getTimestamp("closes_at").toInstant(),
                        rs.getInt("meeting_limit"), rs.getBoolean("instant_booking"), rs.getBoolean("wishes_phase")));
    }

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void updateBookingSettings(BookingSettings settings) {
        if (settings.meetingLimit() < 1 || settings.meetingLimit() > 200) {
            throw new InvalidProgramException("program.error.meeting-limit");
        }
        if (settings.opensAt() != null && settings.closesAt() != null && !settings.closesAt().isAfter(settings.opensAt())) {
            throw new InvalidProgramException("program.error.end-before-start");
        }
        jdbc.update("""
                update booking_settings set opens_at = :opens, closes_at = :closes, meeting_limit = :limit,
                       instant_booking = :instant, wishes_phase = :wishes where id = 1""",
                new MapSqlParameterSource("opens", settings.opensAt() == null ? null : Timestamp.from(settings.opensAt()))
                        .addValue("closes", settings.closesAt() == null ? null : Timestamp.from(settings.closesAt()))
                        .addValue("limit", settings.meetingLimit()).addValue("instant", settings.instantBooking())
                        .addValue("wishes", settings.wishesPhase()));
    }

    private LocalDate dayOf(long dayId) {
        return jdbc.queryForList("select day from forum_day where id = :id", new MapSqlParameterSource("id", dayId),
                LocalDate.class).stream().findFirst().orElseThrow(() -> new InvalidProgramException("program.error.no-day"));
    }

    /** Locks the hall row: changes to one hall's tables and sessions happen one at a time. */
    private void lockHall(long hallId) {
        if (jdbc.queryForList("select id from hall where id = :id for update", new MapSqlParameterSource("id", hallId),
                Long.class).isEmpty()) {
            throw new InvalidProgramException("program.error.no-hall");
        }
    }

    private static void text(String value, int maxLength) {
        text(value, maxLength, "validation.required", "validation.too-long");
    }

    private static void text(String value, int maxLength, String requiredKey, String tooLongKey) {
        if (value == null || singleLine(value).isEmpty()) {
            throw new InvalidProgramException(requiredKey);
        }
        if (singleLine(value).length() > maxLength) {
            throw new InvalidProgramException(tooLongKey);
        }
    }

    /** A program item's place: required, at most 200 characters; refused with keys of its own, not the title's. */
    private static void place(String value) {
        text(value, 200, "program.error.place-required", "program.error.place-too-long");
    }

    /** An optional English name: null when empty, refused with {@code tooLongKey} when longer than {@code maxLength}. */
    private static String english(String value, int maxLength, String tooLongKey) {
        String line = value == null ? "" : singleLine(value);
        if (line.length() > maxLength) {
            throw new InvalidProgramException(tooLongKey);
        }
        return line.isEmpty() ? null : line;
    }

    private static void refuseIfAny(List<String> affected) {
        if (!affected.isEmpty()) {
            throw new ProgramChangeRefusedException(affected);
        }
    }

    private long insert(String sql, MapSqlParameterSource params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(sql, params, keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    /** Organizers may sign up anyone; a company only its own delegates. */
    private void checkDelegatesOfCaller(Collection<Long> delegateIds) {
        ForumUser user = currentUser.require();
        if (user.isOrganizer() || delegateIds.isEmpty()) {
            return;
        }
        requireOwn(delegateIds, user.companyId());
    }

    /** Refuses unless every one of the delegates is of {@code companyId} (none is of no company). */
    private void requireOwn(Collection<Long> delegateIds, Long companyId) {
        Integer foreign = companyId == null ? null : jdbc.queryForObject(
                "select count(*) from delegate where id in (:ids) and company_id <> :company",
                new MapSqlParameterSource("ids", delegateIds).addValue("company", companyId), Integer.class);
        if (foreign == null || foreign > 0) {
            throw new AccessDeniedException("Not your delegates");
        }
    }

    private Long companyOfDelegate(long delegateId) {
        return jdbc.queryForList("select company_id from delegate where id = :d", new MapSqlParameterSource("d", delegateId),
                Long.class).stream().findFirst().orElse(null);
    }
}
