package org.b2bforum.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.program.BookingSettings;
import org.b2bforum.program.ProgramService;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The slot ledger: who holds which slot (the {@code company_slot_booking},
 * {@code delegate_slot_booking}, {@code table_slot_booking} and, for meetings at fair stands,
 * {@code stand_slot_booking} rows), the locks under which it
 * changes, and what a booking step reads under them.
 * <p>
 * Every step that books runs in one transaction ({@link TransactionRetry}) that first locks, in
 * this order, the meeting row (when there is one), the slot row and the two company rows (by id),
 * and only then reads: under REPEATABLE READ the snapshot is taken at the first plain read, so
 * every check sees what the previous holder of the same locks committed. The slot lock serialises
 * the bookings of a slot (so the free table found is free), the company locks those of a company
 * (so its limit and its other meetings at the same time are counted exactly). The primary keys of
 * the *_slot_booking tables (companies and delegates keyed by the slot's start time, so also
 * across parallel halls) stay the last line of defence: a key that still refuses a row makes the
 * step start again ({@link #occupy}).
 * <p>Longer than our usual classes on purpose: every booking step's write of the four *_slot_booking tables is here
 * (a booking, a move, a cancellation, a change of who attends), beside the locks and reads it depends on, so that no
 * step takes a place in the ledger outside the lock order above (a released delegate's rows are only deleted, by
 * {@link MeetingPlacesOfReleasedDelegates}).
 */
@Component
class SlotLedger {

    /** {@link #busy} for companies {@code :a} and {@code :b} from {@code :start} to {@code :end}. */
    private static final String BUSY = busy(":a, :b", ":start", ":end");

    private final NamedParameterJdbcTemplate jdbc;

    SlotLedger(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Slot(long id, long hallId, Instant startsAt, Instant endsAt) {
    }

    /** The locked slot and the two companies' registration status as it is now. */
    record Locked(Slot slot, Map<Long, String> status) {

        boolean approved(long companyId) {
            return isApproved(companyId, status);
        }

        /** The asking company must be approved to book at all. */
        void requireApproved(long companyId) {
            if (!approved(companyId)) {
                throw new AccessDeniedException("Only an approved company can do this");
            }
        }
    }

    static boolean isApproved(long companyId, Map<Long, String> status) {
        return RegistrationStatus.APPROVED.name().equals(status.get(companyId));
    }

    // ---------------------------------------------------------------- locks

    /**
     * Locks the slot (bookings of one slot take turns), then both companies in id order (so two
     * bookings never wait for each other in a circle), in one statement.
     */
    Locked lockSlotAndCompanies(long slotId, long a, long b) {
        Map<Long, String> status = new HashMap<>();
        Slot[] slot = new Slot[1];
        jdbc.query(LOCK_SLOT_AND_COMPANIES, new MapSqlParameterSource("slot", slotId).addValue("a", a).addValue("b", b),
                rs -> {
                    slot[0] = slot(rs);
                    status.put(rs.getLong("company_id"), rs.getString("status"));
                });
        if (slot[0] == null) {
            throw new BookingRefusedException("meeting.error.no-slot");
        }
        return new Locked(slot[0], status);
    }

    /** Locks several slots in id order, as {@link #lockSlotAndCompanies} locks one. */
    Map<Long, Slot> lockSlots(Collection<Long> ids) {
        Map<Long, Slot> slots = new HashMap<>();
        if (ids.isEmpty()) {
            return slots;
        }
        jdbc.query("select id, hall_id, starts_at, ends_at from slot where id in (:ids) order by id for update",
                new MapSqlParameterSource("ids", Set.copyOf(ids)),
                rs -> {
                    slots.put(rs.getLong("id"), new Slot(rs.getLong("id"), rs.getLong("hall_id"),
                            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant()));
                });
        return slots;
    }

    /**
     * Locks companies in id order, as {@link #lockSlotAndCompanies} does, and returns their
     * registration status as it is now.
     */
    Map<Long, String> lockCompanies(Collection<Long> ids) {
        Map<Long, String> status = new HashMap<>();
        if (ids.isEmpty()) {
            return status;
        }
        jdbc.query("select id, status from company where id in (:ids) order by id for update",
                new MapSqlParameterSource("ids", Set.copyOf(ids)),
                rs -> {
                    status.put(rs.getLong("id"), rs.getString("status"));
                });
        return status;
    }

    // ---------------------------------------------------------------- reads under the locks

    /**
     * The situation of a meeting between requester {@code a} and partner {@code b} in the slot,
     * attended by {@code delegates} of company {@code owner}, with both companies' log-ins (to notify in the step's last
     * batch: read here, not in a round trip of their own). Exact only under the slot's and the companies' locks.
     */
    BookingSituation situation(Slot slot, long a, long b, long owner, Set<Long> delegates, Instant now) {
        return jdbc.queryForObject(situationSql(":a", ":b", ":owner", ":delegates", ":slot", ":hall", ":start", ":end",
                ":now"),
                new MapSqlParameterSource("now", Timestamp.from(now)).addValue("a", a).addValue("b", b).addValue("owner", owner)
                        .addValue("delegates", delegates.isEmpty() ? List.of(-1L) : delegates)
                        .addValue("slot", slot.id()).addValue("hall", slot.hallId())
                        .addValue("start", Timestamp.from(slot.startsAt())).addValue("end", Timestamp.from(slot.endsAt())),
                (rs, i) -> situation(rs));
    }

    /** What {@link #lockAndRead} returns: the locks' answer and the situation read under them. */
    record LockedSituation(Locked locked, BookingSituation situation) {
    }

    /**
     * {@link #lockSlotAndCompanies} and then {@link #situation}, in one round trip: one compound statement (MariaDB's
     * {@code begin not atomic ... end}, which the server runs statement after statement and ends at the first error)
     * that locks, reads the slot's hall and times and then the situation. The reads run after the locks are held, so
     * under REPEATABLE READ their snapshot starts after the previous holder's commit, as with two statements. At the
     * booking window's rush each round trip of a booking's turn waits for a core while the queue behind it waits for
     * the turn (bench/README.md, issue 17): the locks and the situation were two of its six. The values are ids and
     * {@code now} (the limit's count asks it), written into the SQL.
     */
    LockedSituation lockAndRead(long slotId, long a, long b, long owner, Set<Long> delegates, Instant now) {
        String ids = delegates.isEmpty() ? "-1" : delegates.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String sql = "begin not atomic\n"
                + "declare v_hall bigint; declare v_start datetime(6); declare v_end datetime(6);\n"
                + LOCK_SLOT_AND_COMPANIES.replace(":slot", String.valueOf(slotId)).replace(":a", String.valueOf(a))
                        .replace(":b", String.valueOf(b)) + ";\n"
                + "select hall_id, starts_at, ends_at into v_hall, v_start, v_end from slot where id = " + slotId + ";\n"
                + situationSql(String.valueOf(a), String.valueOf(b), String.valueOf(owner), ids, String.valueOf(slotId),
                        "v_hall", "v_start", "v_end", MeetingRows.sqlTime(now)) + ";\nend";
        return jdbc.getJdbcOperations().execute((StatementCallback<LockedSituation>) statement -> {
            statement.execute(sql);
            Map<Long, String> status = new HashMap<>();
            Slot slot = null;
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    slot = slot(rs);
                    status.put(rs.getLong("company_id"), rs.getString("status"));
                }
            }
            if (slot == null) {
                throw new BookingRefusedException("meeting.error.no-slot");
            }
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("The booking's situation came without its row");
            }
            try (ResultSet rs = statement.getResultSet()) {
                rs.next();
                return new LockedSituation(new Locked(slot, status), situation(rs));
            }
        });
    }

    private static final String LOCK_SLOT_AND_COMPANIES = """
            select s.id, s.hall_id, s.starts_at, s.ends_at, c.id company_id, c.status
            from slot s join company c on c.id in (:a, :b)
            where s.id = :slot order by c.id for update""";

    private static Slot slot(ResultSet rs) throws SQLException {
        return new Slot(rs.getLong("id"), rs.getLong("hall_id"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant());
    }

    /** The situation's query, its values given as SQL: named parameters, or literals and a compound's variables. */
    private static String situationSql(String a, String b, String owner, String delegates, String slot, String hall,
            String start, String end, String now) {
        return """
                select w.opens_at, w.closes_at, w.meeting_limit, w.instant_booking, w.wishes_phase,
                  (select count(*) from delegate where id in (%4$s) and company_id = %3$s) own_delegates,
                  (select id from meeting where active_key = concat(%1$s, ':', %2$s, ':', %5$s)) existing,
                  (select status from meeting where active_key = concat(%1$s, ':', %2$s, ':', %5$s)) existing_status,
                 """.formatted(a, b, owner, delegates, slot)
                + MeetingLimits.activeOf(a, now) + " active_a, " + MeetingLimits.activeOf(b, now) + " active_b,"
                + busy(a + ", " + b, start, end) + """
                  busy,
                  exists (select 1 from program_item p join program_item_attendee pa on pa.program_item_id = p.id
                          where pa.delegate_id in (%4$s) and p.starts_at < %8$s and p.ends_at > %7$s) in_program,
                  (select short_name from company where id = %1$s) a_name,
                  (select short_name from company where id = %2$s) b_name,
                  (select name from hall where id = %6$s) hall_name,
                  (select name_en from hall where id = %6$s) hall_name_en,
                 """.formatted(a, b, owner, delegates, slot, hall, start, end)
                + NotificationService.Recipients.column(a + ", " + b, delegates) + """
                  recipients,
                  ft.id free_table, ft.number free_table_number
                from booking_settings w
                  left join (select t.id, t.number from meeting_table t
                             where t.hall_id = %6$s
                               and not exists (select 1 from table_slot_booking tb where tb.slot_id = %5$s and tb.table_id = t.id)
                             order by t.number limit 1) ft on true
                where w.id = 1""".formatted(a, b, owner, delegates, slot, hall, start, end);
    }

    private static BookingSituation situation(ResultSet rs) throws SQLException {
        return new BookingSituation(
                new BookingSettings(instant(rs.getTimestamp("opens_at")), instant(rs.getTimestamp("closes_at")),
                        rs.getInt("meeting_limit"), rs.getBoolean("instant_booking"), rs.getBoolean("wishes_phase")),
                rs.getInt("own_delegates"), rs.getObject("existing", Long.class),
                rs.getString("existing_status") == null ? null : MeetingStatus.valueOf(rs.getString("existing_status")),
                rs.getInt("active_a"), rs.getInt("active_b"), rs.getBoolean("busy"), rs.getBoolean("in_program"),
                rs.getObject("free_table", Long.class), rs.getObject("free_table_number", Integer.class),
                rs.getString("a_name"), rs.getString("b_name"), rs.getString("hall_name"),
                rs.getString("hall_name_en"), NotificationService.Recipients.of(rs.getString("recipients")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Whether either company has a confirmed meeting at that time: in this slot, or in a slot of
     * another hall that overlaps it.
     */
    boolean companyBusy(Slot slot, long a, long b) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select" + BUSY,
                new MapSqlParameterSource("a", a).addValue("b", b).addValue("start", Timestamp.from(slot.startsAt()))
                        .addValue("end", Timestamp.from(slot.endsAt())), Boolean.class));
    }

    /** Refuses when either company has a meeting at that time ({@link #companyBusy}). */
    void requireBothFree(Slot slot, long a, long b) {
        if (companyBusy(slot, a, b)) {
            throw new BookingRefusedException("meeting.error.slot-taken");
        }
    }

    /** When the slot begins. */
    Instant slotStart(long slotId) {
        return jdbc.queryForObject("select starts_at from slot where id = :slot",
                new MapSqlParameterSource("slot", slotId), Timestamp.class).toInstant();
    }

    /** Whether one of the delegates attends a program item during the slot. */
    boolean inProgram(Slot slot, Set<Long> delegates) {
        if (delegates.isEmpty()) {
            return false;
        }
        Integer inProgram = jdbc.queryForObject("""
                select count(*) from program_item p join program_item_attendee a on a.program_item_id = p.id
                where a.delegate_id in (:delegates) and p.starts_at < :end and p.ends_at > :start""",
                new MapSqlParameterSource("delegates", delegates).addValue("start", Timestamp.from(slot.startsAt()))
                        .addValue("end", Timestamp.from(slot.endsAt())), Integer.class);
        return inProgram != null && inProgram > 0;
    }

    void requireDelegatesFree(Slot slot, Set<Long> delegates) {
        if (inProgram(slot, delegates)) {
            throw new BookingRefusedException("meeting.error.delegate-in-program");
        }
    }

    /** The first free table of the slot's hall; exact, as the caller holds the slot's lock. */
    long freeTable(Slot slot) {
        return jdbc.queryForList("""
                select t.id from meeting_table t
                where t.hall_id = :hall
                  and not exists (select 1 from table_slot_booking b where b.slot_id = :slot and b.table_id = t.id)
                order by t.number limit 1""", new MapSqlParameterSource("slot", slot.id()).addValue("hall", slot.hallId()),
                Long.class).stream().findFirst().orElseThrow(() -> new BookingRefusedException("meeting.error.no-table"));
    }

    /** Whether the table is in the slot's hall and free in the slot. */
    boolean tableFree(Slot slot, long tableId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from meeting_table t where t.id = :table and t.hall_id = :hall)
                   and not exists (select 1 from table_slot_booking b where b.slot_id = :slot and b.table_id = :table)""",
                new MapSqlParameterSource("table", tableId).addValue("hall", slot.hallId()).addValue("slot", slot.id()),
                Boolean.class));
    }

    /** The company's first delegate (in its order) who attends no program item during the slot. */
    Long firstFreeDelegate(long companyId, Slot slot) {
        return jdbc.queryForList("""
                select d.id from delegate d
                where d.company_id = :c
                  and not exists (select 1 from program_item p join program_item_attendee a on a.program_item_id = p.id
                                  where a.delegate_id = d.id and p.starts_at < :end and p.ends_at > :start)
                order by d.sort_order limit 1""",
                new MapSqlParameterSource("c", companyId).addValue("start", Timestamp.from(slot.startsAt()))
                        .addValue("end", Timestamp.from(slot.endsAt())), Long.class).stream().findFirst().orElse(null);
    }

    // ---------------------------------------------------------------- the invariants at work

    /**
     * Takes the slot for both companies, the meeting's delegates and the table. The checks under
     * the locks have found them free; should a primary key still refuse a row, another writer got
     * there first and the whole step is tried again from scratch.
     */
    void occupy(long meetingId, Slot slot, long tableId, long companyA, long companyB, Set<Long> delegates) {
        occupy(meetingId, slot, tableId, null, companyA, companyB, delegates);
    }

    /**
     * As {@link #occupy} at a table, or at a fair stand when {@code standId} is given (then no table), after the
     * statements {@code first} (the meeting's delegates, {@link MeetingRows#delegateRows}). All of them go to the
     * database in one round trip: a JDBC batch of plain statements, which MariaDB Connector/J sends without waiting
     * for each answer. At the booking window's rush the bookings wait for their turn ({@link TransactionRetry})
     * while those before them go through their statements one round trip at a time on a busy machine; these were
     * four of them (bench/README.md, issue 17). The values are ids only, written into the SQL; the slot's start
     * is read from the slot's row (locked).
     */
    void occupy(long meetingId, Slot slot, Long tableId, Long standId, long companyA, long companyB,
            Set<Long> delegates, String... first) {
        List<String> batch = new ArrayList<>();
        for (String statement : first) {
            if (statement != null) {
                batch.add(statement);
            }
        }
        batch.addAll(occupying(String.valueOf(meetingId), slot, tableId, standId, companyA, companyB, delegates));
        try {
            jdbc.getJdbcOperations().batchUpdate(batch.toArray(String[]::new));
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyFailureException("Lost a race for slot " + slot.id(), e);
        }
    }

    /**
     * As {@link #occupy} for a meeting that {@code meeting} inserts ({@link MeetingRows#inserting}), and the step's
     * commit, all in one round trip ({@link MeetingRows#committedInsertedId}): the meeting's insert, the statements
     * {@code first}, and what the meeting occupies, which find its id in {@link MeetingRows#NEW_MEETING}. The last thing
     * a step does.
     *
     * @return the new meeting's id
     */
    long occupyNewAndCommit(List<String> meeting, Slot slot, long tableId, long companyA, long companyB,
            Set<Long> delegates, List<String> first) {
        List<String> batch = new ArrayList<>(meeting);
        first.stream().filter(statement -> statement != null).forEach(batch::add);
        batch.addAll(occupying(MeetingRows.NEW_MEETING, slot, tableId, null, companyA, companyB, delegates));
        return MeetingRows.committedInsertedId(jdbc, batch);
    }

    /** The statements that take the slot, the table or stand and the people for the meeting {@code meetingId} (SQL). */
    private static List<String> occupying(String meetingId, Slot slot, Long tableId, Long standId, long companyA,
            long companyB, Set<Long> delegates) {
        List<String> batch = new ArrayList<>();
        String start = "(select starts_at from slot where id = " + slot.id() + ")";
        batch.add("insert into company_slot_booking (starts_at, slot_id, company_id, meeting_id) values "
                + row(start, slot.id(), companyA, meetingId) + ", " + row(start, slot.id(), companyB, meetingId));
        if (!delegates.isEmpty()) {
            batch.add(delegateRows(start, slot, meetingId, delegates));
        }
        if (standId != null) {
            batch.add("insert into stand_slot_booking (starts_at, slot_id, stand_id, meeting_id) values "
                    + row(start, slot.id(), standId, meetingId));
        } else {
            batch.add("insert into table_slot_booking (slot_id, table_id, hall_id, meeting_id) values ("
                    + slot.id() + ", " + tableId + ", " + slot.hallId() + ", " + meetingId + ")");
        }
        return batch;
    }

    /** The statement that takes the slot for the meeting's {@code delegates} (not empty; SQL). */
    private static String delegateRows(String start, Slot slot, String meetingId, Set<Long> delegates) {
        StringBuilder rows = new StringBuilder(
                "insert into delegate_slot_booking (starts_at, slot_id, delegate_id, meeting_id) values ");
        int i = 0;
        for (long delegate : delegates) {
            rows.append(i++ == 0 ? "" : ", ").append(row(start, slot.id(), delegate, meetingId));
        }
        return rows.toString();
    }

    /**
     * Sends {@code added} to the confirmed meeting in its slot in place of {@code removed}, delegates of one of its
     * companies: their places in the slot follow (the caller holds the meeting's, the slot's and both companies'
     * locks and has checked {@link #requireDelegatesFree} for {@code added}).
     */
    void replaceDelegates(Slot slot, long meetingId, Set<Long> removed, Set<Long> added) {
        if (!removed.isEmpty()) {
            jdbc.update("delete from delegate_slot_booking where meeting_id = :m and delegate_id in (:removed)",
                    new MapSqlParameterSource("m", meetingId).addValue("removed", removed));
        }
        if (!added.isEmpty()) {
            jdbc.getJdbcOperations().update(delegateRows("(select starts_at from slot where id = " + slot.id() + ")",
                    slot, String.valueOf(meetingId), added));
        }
    }

    private static String row(String start, long slotId, long id, String meetingId) {
        return "(" + start + ", " + slotId + ", " + id + ", " + meetingId + ")";
    }

    /** Frees the meeting's slot, table and people. */
    void free(long meetingId) {
        MapSqlParameterSource params = new MapSqlParameterSource("meeting", meetingId);
        jdbc.update("delete from company_slot_booking where meeting_id = :meeting", params);
        jdbc.update("delete from delegate_slot_booking where meeting_id = :meeting", params);
        jdbc.update("delete from table_slot_booking where meeting_id = :meeting", params);
        jdbc.update("delete from stand_slot_booking where meeting_id = :meeting", params);
        jdbc.update("update meeting set table_id = null where id = :meeting", params);
    }

    /**
     * Refuses a fair stand that is not one of the two companies' (whose locks the caller holds, so it
     * stays theirs meanwhile) or that hosts a confirmed meeting overlapping the slot.
     */
    void requireStandFree(Slot slot, long standId, long a, long b) {
        Boolean theirs = jdbc.queryForObject("""
                select exists (select 1 from fair_stand_assignment where stand_id = :stand and company_id in (:a, :b))""",
                new MapSqlParameterSource("stand", standId).addValue("a", a).addValue("b", b), Boolean.class);
        if (!Boolean.TRUE.equals(theirs)) {
            throw new BookingRefusedException("meeting.error.stand-not-theirs");
        }
        Boolean busy = jdbc.queryForObject("""
                select exists (select 1 from stand_slot_booking sb join slot o on o.id = sb.slot_id
                               where sb.stand_id = :stand and sb.starts_at < :end and o.ends_at > :start)""",
                new MapSqlParameterSource("stand", standId).addValue("start", Timestamp.from(slot.startsAt()))
                        .addValue("end", Timestamp.from(slot.endsAt())), Boolean.class);
        if (Boolean.TRUE.equals(busy)) {
            throw new BookingRefusedException("meeting.error.stand-taken");
        }
    }

    /**
     * SQL: whether one of {@code companies} has a confirmed meeting overlapping the time from
     * {@code start} to {@code end}, in any hall. Bookings keep their slot's start, so the index on
     * (company, start) is read only from the longest slot's length before {@code start}.
     */
    static String busy(String companies, String start, String end) {
        return " exists (select 1 from company_slot_booking c join slot o on o.id = c.slot_id"
                + " where c.company_id in (%1$s) and c.starts_at < %3$s and c.starts_at > %2$s - interval %4$d minute"
                        .formatted(companies, start, end, ProgramService.MAX_SLOT_MINUTES)
                + " and o.ends_at > %s) ".formatted(start);
    }

    /** What a request learns before it waits for any lock: {@link #firstLook}. */
    enum FirstLook {
        /** The partner blocked the requester (messaging's {@code company_contact_block}). */
        BLOCKED,
        /** One of the two companies already has a confirmed meeting at the slot's time. */
        TAKEN,
        /** Neither: the request goes on to the checks under the locks. */
        OPEN
    }

    /**
     * Whether the partner blocked the requester, else whether one of the two companies already has
     * a confirmed meeting at the slot's time, as far as the last commit shows: one statement in
     * autocommit, no lock (a look of its own for the block cost every request a connection and a
     * round trip, a quarter of the throughput in bench/run-booking-contention). Only a cancellation
     * frees a company again, so "taken" is true when read; "free" is checked again under the locks.
     * "Taken" only comes for two approved companies within the booking window, when the same request
     * is not there already, so the refusal is the one the transaction would give.
     * <p>
     * It looks for a meeting that starts with the slot (two lookups of the primary key): the
     * program keeps the slots of sessions at the same time identical in every hall, so that is the
     * meeting overlapping it; any other case is left to the exact check under the locks.
     */
    FirstLook firstLook(long me, long partnerId, long slotId, Instant now) {
        return jdbc.query("""
                select exists (select 1 from company_contact_block b
                               where b.company_id = :partner and b.other_company_id = :me and b.kind = 'BLOCK') blocked,
                       (select me.status = 'APPROVED' and partner.status = 'APPROVED' and not w.wishes_phase
                          and (w.opens_at is null or w.opens_at <= :now) and (w.closes_at is null or w.closes_at > :now)
                          and not exists (select 1 from meeting m where m.active_key = concat(:me, ':', :partner, ':', :slot))
                          and exists (select 1 from company_slot_booking c
                                      where c.company_id in (:me, :partner) and c.starts_at = t.starts_at)
                        from slot t join company me on me.id = :me join company partner on partner.id = :partner
                          join booking_settings w on w.id = 1
                        where t.id = :slot) taken""",
                new MapSqlParameterSource("me", me).addValue("partner", partnerId).addValue("slot", slotId)
                        .addValue("now", Timestamp.from(now)),
                rs -> {
                    rs.next();
                    return rs.getBoolean("blocked") ? FirstLook.BLOCKED
                            : rs.getBoolean("taken") ? FirstLook.TAKEN : FirstLook.OPEN;
                });
    }
}
