package org.b2bforum.venue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.b2bforum.base.database.SqlText;
import org.b2bforum.base.i18n.MeetingPlace;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.fair.StandOfMeeting;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * At the tables: organizers and staff see the confirmed meetings of a slot, table by table, and
 * mark each held or no-show once it has begun. A mark may be corrected; the last one counts, with
 * who set it and when, on the meeting's row, which the meeting module writes on {@link AttendanceMarked}.
 */
@Service
public class AttendanceService {

    /**
     * A meeting ({@code m}) with its slot ({@code s}), hall ({@code h}), table ({@code t}) or fair stand, and its
     * requester ({@code a}) and partner ({@code b}): the venue's read models of meetings (also the outcome report's).
     */
    static final String MEETINGS_WITH_PLACE_AND_COMPANIES = """
            from meeting m
            join slot s on s.id = m.slot_id
            join hall h on h.id = s.hall_id
            left join meeting_table t on t.id = m.table_id""" + StandOfMeeting.JOINS + """
            join company a on a.id = m.requester_company_id
            join company b on b.id = m.partner_company_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AttendanceService(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
    }

    /** The confirmed meetings of a slot by table number. */
    @PreAuthorize("hasAnyRole('ORGANIZER', 'STAFF')")
    @Transactional(readOnly = true)
    public List<TableMeeting> meetingsInSlot(long slotId) {
        return jdbc.query("""
                select m.id, m.slot_id, s.starts_at, s.ends_at,""" + MeetingPlace.COLUMNS + """
                       , a.short_name requester_name, b.short_name partner_name, m.attendance, m.attendance_marked_at,
                       m.attendance_marked_name,
                       (""" + "select " + SqlText.list("d.full_name", "md.company_id = m.partner_company_id, d.sort_order")
                + """
                          from meeting_delegate md join delegate d on d.id = md.delegate_id
                         where md.meeting_id = m.id) delegates
                """ + MEETINGS_WITH_PLACE_AND_COMPANIES + """
                where m.slot_id = :slot and m.status = 'CONFIRMED' and (m.table_id is not null or m.stand_id is not null)
                order by t.number is null, t.number, st.number""", new MapSqlParameterSource("slot", slotId), (rs, i) -> {
                    String delegates = rs.getString("delegates");
                    Timestamp markedAt = rs.getTimestamp("attendance_marked_at");
                    return new TableMeeting(rs.getLong("id"), rs.getLong("slot_id"),
                            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                            MeetingPlace.of(rs), rs.getString("requester_name"),
                            rs.getString("partner_name"),
                            SqlText.texts(delegates),
                            Attendance.of(rs.getString("attendance")),
                            markedAt == null ? null : markedAt.toInstant(), rs.getString("attendance_marked_name"));
                });
    }

    /**
     * Marks a confirmed meeting held or no-show. Refused before the meeting begins and for meetings
     * that are not confirmed (cancelled, declined, still requested).
     */
    @PreAuthorize("hasAnyRole('ORGANIZER', 'STAFF')")
    @Transactional
    public void mark(long meetingId, Attendance attendance) {
        if (attendance == null) {
            throw new IllegalArgumentException("attendance");
        }
        ForumUser user = currentUser.require();
        Instant now = clock.instant();
        MapSqlParameterSource params = new MapSqlParameterSource("id", meetingId);
        // the meeting's row lock: a move or a cancellation waits, or goes first and is seen here
        List<Object[]> rows = jdbc.query("""
                select m.status, s.starts_at from meeting m join slot s on s.id = m.slot_id
                where m.id = :id for update""", params,
                (rs, i) -> new Object[] {rs.getString("status"), rs.getTimestamp("starts_at").toInstant()});
        if (rows.isEmpty()) {
            throw new VenueRefusedException("venue.error.not-found");
        }
        if (!"CONFIRMED".equals(rows.getFirst()[0])) {
            throw new VenueRefusedException("venue.error.not-confirmed");
        }
        if (((Instant) rows.getFirst()[1]).isAfter(now)) {
            throw new VenueRefusedException("venue.error.not-begun");
        }
        events.publishEvent(new AttendanceMarked(meetingId, attendance, now, user.id(), user.displayName()));
    }
}
