package org.b2bforum.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.b2bforum.base.database.SqlText;
import org.b2bforum.base.i18n.MeetingPlace;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.fair.StandOfMeeting;
import org.b2bforum.venue.Attendance;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The rows of a meeting ({@code meeting}, {@code meeting_delegate}, {@code meeting_event}) as the
 * booking steps write them in their JDBC transaction, and the one query that reads meetings as
 * {@link MeetingDetails}s for the queries and the commands alike.
 */
@Component
class MeetingRows {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    MeetingRows(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A meeting's row; {@code standId} is set for a meeting at a fair stand. */
    record Row(long id, long requesterId, long partnerId, long slotId, MeetingStatus status, Long standId) {

        Row(long id, long requesterId, long partnerId, long slotId, MeetingStatus status) {
            this(id, requesterId, partnerId, slotId, status, null);
        }

        boolean involves(Long companyId) {
            return companyId != null && (requesterId == companyId || partnerId == companyId);
        }
    }

    /** One step of a meeting's history. */
    record Event(MeetingStatus status, String comment) {
    }

    // ---------------------------------------------------------------- reading

    /** Who attends a meeting, the requester's people first, each name whole whatever it holds. */
    private static final String ATTENDEES = "select " + SqlText.list("d.full_name",
            "md.company_id <> m.requester_company_id, d.sort_order");

    /** Meetings matching {@code where} (on {@code m} the meeting, {@code s} its slot), in time order. */
    List<MeetingDetails> meetings(String where, MapSqlParameterSource params) {
        Instant now = clock.instant();
        return jdbc.query("""
                select m.id, m.requester_company_id, a.short_name requester_name, m.partner_company_id,
                       b.short_name partner_name, m.status, m.slot_id, s.session_id, s.starts_at, s.ends_at,
                       h.name hall_name, t.number table_number, m.message, m.response, m.attendance,
                       (""" + ATTENDEES + """
                          from meeting_delegate md
                          join delegate d on d.id = md.delegate_id where md.meeting_id = m.id) delegates,
                       (select count(*) from meeting_delegate md
                          where md.meeting_id = m.id and md.company_id = m.requester_company_id) requester_delegates,
                """ + MeetingPlace.COLUMNS + """
                from meeting m
                join company a on a.id = m.requester_company_id
                join company b on b.id = m.partner_company_id
                join slot s on s.id = m.slot_id
                join hall h on h.id = s.hall_id
                left join meeting_table t on t.id = m.table_id
                """ + StandOfMeeting.JOINS + where + " order by s.starts_at, m.id", params,
                (rs, i) -> meetingView(rs, now));
    }

    MeetingDetails meeting(long meetingId) {
        return meetings("where m.id = :id", new MapSqlParameterSource("id", meetingId)).stream()
                .findFirst().orElseThrow(() -> new BookingRefusedException("meeting.error.not-found"));
    }

    /** A meeting as read at {@code now}: a request whose slot began unanswered is read so ({@link UnansweredRequests}). */
    private static MeetingDetails meetingView(ResultSet rs, Instant now) throws SQLException {
        String delegates = rs.getString("delegates");
        Integer table = rs.getObject("table_number", Integer.class);
        MeetingStatus status = MeetingStatus.valueOf(rs.getString("status"));
        Instant startsAt = rs.getTimestamp("starts_at").toInstant();
        return new MeetingDetails(rs.getLong("id"), rs.getLong("requester_company_id"), rs.getString("requester_name"),
                rs.getLong("partner_company_id"), rs.getString("partner_name"),
                status, rs.getLong("slot_id"), rs.getLong("session_id"),
                startsAt, rs.getTimestamp("ends_at").toInstant(),
                rs.getString("hall_name"), table, rs.getString("message"),
                rs.getString("response"),
                SqlText.texts(delegates),
                rs.getInt("requester_delegates"), MeetingPlace.of(rs),
                rs.getString("attendance") == null ? null : Attendance.valueOf(rs.getString("attendance")),
                UnansweredRequests.unanswered(status, startsAt, now));
    }

    /** Locks the meeting's row: the first lock of a step on an existing meeting. */
    Row lock(long meetingId) {
        return jdbc.query("""
                select id, requester_company_id, partner_company_id, slot_id, status, stand_id from meeting
                where id = :id for update""", new MapSqlParameterSource("id", meetingId), MeetingRows::row)
                .stream().findFirst().orElseThrow(() -> new BookingRefusedException("meeting.error.not-found"));
    }

    /**
     * Locks the open requests between any two of the companies, in id order: read through the
     * index on the requester, as a lock on each pair's requests would read it, in one statement.
     * Returned are those still waiting for an answer at the clock's now; one whose slot has begun is
     * unanswered ({@link UnansweredRequests}), a record of what happened that nothing settles any more.
     */
    List<Row> lockRequestsAwaitingAnswerAmong(Collection<Long> companies) {
        if (companies.isEmpty()) {
            return List.of();
        }
        List<Row> open = jdbc.query("""
                select id, requester_company_id, partner_company_id, slot_id, status, stand_id from meeting
                where requester_company_id in (:c) and partner_company_id in (:c) and status = 'REQUESTED'
                order by id for update""", new MapSqlParameterSource("c", Set.copyOf(companies)), MeetingRows::row);
        if (open.isEmpty()) {
            return open;
        }
        // the slots are read without a lock: a step locks slots before companies, never after. This plain read sees
        // the transaction's snapshot, which a publication's guard may have taken before a request came: so the ones
        // left unanswered are read and removed, not the waiting ones kept. A request the snapshot cannot see is newer,
        // made for a slot still ahead then, and it is kept: waiting (mend51b; keeping the waiting ones lost it)
        Set<Long> unanswered = Set.copyOf(jdbc.queryForList("select m.id" + UnansweredRequests.unansweredWhere(
                "m.id in (:ids)", ":now"), new MapSqlParameterSource("ids", open.stream().map(Row::id).toList())
                        .addValue("now", Timestamp.from(clock.instant())), Long.class));
        return open.stream().filter(request -> !unanswered.contains(request.id())).toList();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("requester_company_id"), rs.getLong("partner_company_id"),
                rs.getLong("slot_id"), MeetingStatus.valueOf(rs.getString("status")), rs.getObject("stand_id", Long.class));
    }

    /** The pair's requested or confirmed meeting in the slot, {@code requester} asking. */
    Long active(long requester, long partner, long slotId) {
        return jdbc.queryForList("""
                select id from meeting where active_key = concat(:r, ':', :p, ':', :s)""",
                new MapSqlParameterSource("r", requester).addValue("p", partner).addValue("s", slotId), Long.class)
                .stream().findFirst().orElse(null);
    }

    Set<Long> delegatesOf(long meetingId) {
        return new LinkedHashSet<>(jdbc.queryForList("select delegate_id from meeting_delegate where meeting_id = :id",
                new MapSqlParameterSource("id", meetingId), Long.class));
    }

    /** Whether one of {@code delegates} is the company's. */
    boolean represents(long companyId, Set<Long> delegates) {
        return !delegates.isEmpty() && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from delegate where company_id = :c and id in (:d))",
                new MapSqlParameterSource("c", companyId).addValue("d", delegates), Boolean.class));
    }

    /** The company's first delegate, in its order. */
    long firstDelegate(long companyId) {
        return jdbc.queryForObject("select id from delegate where company_id = :c order by sort_order limit 1",
                new MapSqlParameterSource("c", companyId), Long.class);
    }

    String companyName(long companyId) {
        return jdbc.queryForObject("select short_name from company where id = :c",
                new MapSqlParameterSource("c", companyId), String.class);
    }

    // ---------------------------------------------------------------- writing

    long insert(long requester, long partner, long slotId, String message, MeetingStatus status, Long tableId) {
        return insert(requester, partner, slotId, message, status, tableId, null);
    }

    /** A meeting's insert up to its values, shared by {@link #insert} and {@link #inserting}. */
    private static final String INSERT_MEETING = "insert into meeting (requester_company_id, partner_company_id, slot_id,"
            + " status, table_id, stand_id, message, created_at, updated_at) values ";

    /**
     * As {@link #insert}, at a fair stand when {@code standId} is given. The values that may be null (the table, the
     * stand, the message) carry their SQL type: for a null without one, Spring asks the driver for the parameter's
     * type, which on a connection without server-side prepared statements (a Galera cluster's multi-host URL,
     * docs/cluster.md) costs a COM_STMT_PREPARE round trip, and the server a parse, at every booking.
     */
    long insert(long requester, long partner, long slotId, String message, MeetingStatus status, Long tableId,
            Long standId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update(INSERT_MEETING + "(:r, :p, :s, :status, :table, :stand, :message, :now, :now)",
                    new MapSqlParameterSource("r", requester).addValue("p", partner).addValue("s", slotId)
                            .addValue("status", status.name()).addValue("table", tableId, Types.BIGINT)
                            .addValue("stand", standId, Types.BIGINT).addValue("message", message, Types.VARCHAR)
                            .addValue("now", now), keys, new String[] {"id"});
        } catch (DuplicateKeyException e) {
            // cannot happen while the companies are locked; if it does, start again and find that request
            throw new ConcurrencyFailureException("The same meeting was requested at the same moment", e);
        }
        return keys.getKey().longValue();
    }

    /**
     * The session variable in which {@link #inserting}'s statements keep the new meeting's id, for the statements
     * after them in the same batch (a meeting's delegates, history, slot rows) to refer to.
     */
    static final String NEW_MEETING = "@b2bforum_new_meeting";

    /**
     * As {@link #insert}, as plain statements for a batch sent in one round trip ({@link #committedInsertedId}): the
     * meeting's insert, first in the batch, then its id kept in {@link #NEW_MEETING}. The message goes in as a
     * hexadecimal literal, so no text of anyone's is SQL; the time as the driver sends a timestamp parameter. At the
     * booking window's rush the insert was a round trip of its own in the booking's turn (bench/README.md, issue 17).
     */
    List<String> inserting(long requester, long partner, long slotId, String message, MeetingStatus status,
            Long tableId) {
        String now = sqlTime(clock.instant());
        return List.of((INSERT_MEETING + "(%d, %d, %d, '%s', %s, null, %s, %s, %s)")
                .formatted(requester, partner, slotId, status.name(), tableId == null ? "null" : tableId.toString(),
                        SqlText.literal(message), now, now),
                "set " + NEW_MEETING + " = last_insert_id()");
    }

    private static final DateTimeFormatter SQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** {@code at} as an SQL literal, the wall time the driver sends for a timestamp parameter. */
    static String sqlTime(Instant at) {
        return "'" + Timestamp.from(at).toLocalDateTime().format(SQL_DATETIME) + "'";
    }

    /**
     * Runs plain statements and then the step's commit in one round trip, and returns the id generated by the first (the
     * meeting's insert of {@link #inserting}): one compound statement (MariaDB's {@code begin not atomic ... end}),
     * which the server runs statement after statement and ends at the first error, so the commit runs only when every
     * statement before it did. At the booking window's rush the commit was a round trip of its own in the booking's turn
     * (bench/README.md, issue 17). The step's transaction manager then finds nothing to commit (MariaDB Connector/J sends
     * a commit only while the server says a transaction is open), so its commit hooks run as before. Nothing may follow
     * this in the step. A key that refuses a row (the same meeting, a slot row: another writer got there first, which the
     * locks make impossible in the ordinary course) comes as a {@link ConcurrencyFailureException}, so the step starts
     * again; the step's transaction rolls back what ran before it.
     */
    static long committedInsertedId(NamedParameterJdbcTemplate jdbc, List<String> statements) {
        StringBuilder sql = new StringBuilder("begin not atomic\n");
        for (String statement : statements) {
            if (statement != null) {
                sql.append(statement).append(";\n");
            }
        }
        sql.append("commit;\nselect ").append(NEW_MEETING).append(";\nend");
        Long id;
        try {
            id = jdbc.getJdbcOperations().execute((StatementCallback<Long>) statement -> {
                statement.execute(sql.toString());
                try (ResultSet keys = statement.getResultSet()) {
                    return keys != null && keys.next() ? keys.getLong(1) : null;
                }
            });
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyFailureException("Lost a race for a meeting or its slot", e);
        }
        if (id == null || id == 0) {
            throw new IllegalStateException("The meeting's insert generated no id");
        }
        return id;
    }

    /**
     * Runs the statements, the first of them {@link #inserting}'s, and commits, as {@link #committedInsertedId}: the new
     * meeting's id.
     */
    long newMeetingCommitted(List<String> statements) {
        return committedInsertedId(jdbc, statements);
    }

    /**
     * The statement that adds the meeting's delegates, with the ids (numbers only) written into it: run alone by
     * {@link #insertDelegates} or in a batch sent in one round trip ({@link SlotLedger#occupy}); null when there are
     * no delegates.
     */
    static String delegateRows(long meetingId, long companyId, Set<Long> delegates) {
        return delegateRows(String.valueOf(meetingId), companyId, delegates);
    }

    /** As {@link #delegateRows(long, long, Set)} for the meeting {@code meetingId} (SQL: a number or {@link #NEW_MEETING}). */
    static String delegateRows(String meetingId, long companyId, Set<Long> delegates) {
        if (delegates.isEmpty()) {
            return null;
        }
        StringBuilder rows = new StringBuilder("insert ignore into meeting_delegate (meeting_id, delegate_id, company_id) values ");
        int i = 0;
        for (long delegate : delegates) {
            rows.append(i++ == 0 ? "" : ", ").append('(').append(meetingId).append(", ").append(delegate).append(", ")
                    .append(companyId).append(')');
        }
        return rows.toString();
    }

    /**
     * The history of a meeting just inserted, with the ids and the actor's name written into the statement, for a
     * batch sent in one round trip: REQUESTED with its message, and CONFIRMED when {@code confirmed}, both dated
     * with the meeting's creation. The name goes in as a hexadecimal literal, so no text of anyone's is SQL.
     */
    static String newMeetingEvents(long meetingId, ForumUser actor, boolean confirmed) {
        return newMeetingEvents(String.valueOf(meetingId), actor, confirmed);
    }

    /** As {@link #newMeetingEvents(long, ForumUser, boolean)} for the meeting {@code meetingId} (SQL, as in {@link #delegateRows}). */
    static String newMeetingEvents(String meetingId, ForumUser actor, boolean confirmed) {
        String name = SqlText.literal(actor.email());
        String from = " from meeting where id = " + meetingId + ")";
        String created = "(select created_at" + from;
        StringBuilder sql = new StringBuilder(
                "insert into meeting_event (meeting_id, status, comment, actor_id, actor_name, occurred_at) values (")
                .append(meetingId).append(", 'REQUESTED', (select message").append(from).append(", ").append(actor.id())
                .append(", ").append(name).append(", ").append(created).append(')');
        if (confirmed) {
            sql.append(", (").append(meetingId).append(", 'CONFIRMED', null, ").append(actor.id()).append(", ")
                    .append(name).append(", ").append(created).append(')');
        }
        return sql.toString();
    }

    /** Runs plain statements (ids written into them) as one batch: one round trip (see {@link SlotLedger#occupy}). */
    void inOneRoundTrip(String... statements) {
        jdbc.getJdbcOperations().batchUpdate(Arrays.stream(statements).filter(Objects::nonNull)
                .toArray(String[]::new));
    }

    void insertDelegates(long meetingId, long companyId, Set<Long> delegates) {
        String rows = delegateRows(meetingId, companyId, delegates);
        if (rows != null) {
            jdbc.getJdbcOperations().update(rows);
        }
    }

    /** Confirms the meeting at the table (none at a fair stand), with the partner's response when it answers. */
    void confirm(long meetingId, Long tableId, String response, boolean withResponse) {
        jdbc.update("update meeting set status = 'CONFIRMED', table_id = :table, "
                + (withResponse ? "response = :response, " : "") + "updated_at = :now where id = :id",
                new MapSqlParameterSource("table", tableId).addValue("response", response)
                        .addValue("now", Timestamp.from(clock.instant())).addValue("id", meetingId));
    }

    void setResponse(long meetingId, String response) {
        jdbc.update("update meeting set response = :response where id = :id",
                new MapSqlParameterSource("response", response).addValue("id", meetingId));
    }

    void setStatus(long meetingId, MeetingStatus status) {
        jdbc.update("update meeting set status = :status, updated_at = :now where id = :id",
                new MapSqlParameterSource("status", status.name()).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("id", meetingId));
    }

    /** Moves the meeting to the slot and table; updated_at so calendars show it changed (LAST-MODIFIED). */
    void move(long meetingId, long slotId, Long tableId) {
        jdbc.update("update meeting set slot_id = :slot, table_id = :table, updated_at = :now where id = :id",
                new MapSqlParameterSource("slot", slotId).addValue("table", tableId).addValue("id", meetingId)
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    /** Writes the meeting's history, one row per step, in one statement. */
    void events(long meetingId, ForumUser actor, Event... events) {
        Timestamp now = Timestamp.from(clock.instant());
        StringBuilder sql = new StringBuilder(
                "insert into meeting_event (meeting_id, status, comment, actor_id, actor_name, occurred_at) values ");
        MapSqlParameterSource params = new MapSqlParameterSource("m", meetingId).addValue("actor", actor.id())
                .addValue("name", actor.email()).addValue("now", now);
        for (int i = 0; i < events.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("(:m, :status").append(i).append(", :comment").append(i)
                    .append(", :actor, :name, :now)");
            params.addValue("status" + i, events[i].status().name()).addValue("comment" + i, events[i].comment());
        }
        jdbc.update(sql.toString(), params);
    }

    /** Marks the locked meeting cancelled, with the reason in its history; the caller frees its slot first. */
    void cancel(long meetingId, ForumUser actor, String reason) {
        setStatus(meetingId, MeetingStatus.CANCELLED);
        events(meetingId, actor, new Event(MeetingStatus.CANCELLED, reason));
    }
}
