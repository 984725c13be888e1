package org.b2bforum.venue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.b2bforum.base.i18n.MeetingPlace;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.text.Texts;
import org.b2bforum.company.ForumAccess;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What came of the meetings. Each of a meeting's two companies records its own outcome once the
 * meeting has begun (unless it was marked a no-show), may change it, and never sees the other
 * company's; organizers see both, and the forum's live figures.
 */
@Service
public class OutcomeService {

    private static final int MAX_COMMENT = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ForumAccess access;
    private final Clock clock;

    OutcomeService(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser, ForumAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The results of the logged-in approved company's confirmed meetings, by meeting id: only its own
     * outcomes.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public Map<Long, MeetingResult> myResults() {
        long me = access.requireApprovedCompany();
        Instant now = clock.instant();
        Map<Long, MeetingResult> results = new LinkedHashMap<>();
        jdbc.query("""
                select m.id, m.attendance, s.starts_at, o.outcome, o.comment
                from meeting m
                join slot s on s.id = m.slot_id
                left join meeting_outcome o on o.meeting_id = m.id and o.company_id = :me
                where (m.requester_company_id = :me or m.partner_company_id = :me) and m.status = 'CONFIRMED'
                order by s.starts_at, m.id""", new MapSqlParameterSource("me", me), rs -> {
                    Attendance attendance = Attendance.of(rs.getString("attendance"));
                    boolean begun = !rs.getTimestamp("starts_at").toInstant().isAfter(now);
                    results.put(rs.getLong("id"), new MeetingResult(rs.getLong("id"),
                            begun && attendance != Attendance.NO_SHOW, Outcome.of(rs.getString("outcome")),
                            rs.getString("comment")));
                });
        return results;
    }

    /**
     * Records (or changes) the logged-in approved company's outcome of a meeting, with an optional comment.
     * Only the meeting's two companies may; only a confirmed meeting that has begun and was not
     * marked a no-show.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public void record(long meetingId, Outcome outcome, String comment) {
        ForumUser user = currentUser.require();
        long me = access.requireApprovedCompany();
        if (outcome == null) {
            throw new VenueRefusedException("outcome.error.required");
        }
        List<Object[]> rows = jdbc.query("""
                select m.requester_company_id, m.partner_company_id, m.status, m.attendance, s.starts_at
                from meeting m join slot s on s.id = m.slot_id where m.id = :id for update""",
                new MapSqlParameterSource("id", meetingId),
                (rs, i) -> new Object[] {rs.getLong("requester_company_id"), rs.getLong("partner_company_id"),
                        rs.getString("status"), rs.getString("attendance"), rs.getTimestamp("starts_at").toInstant()});
        if (rows.isEmpty()) {
            throw new VenueRefusedException("venue.error.not-found");
        }
        Object[] row = rows.getFirst();
        if ((long) row[0] != me && (long) row[1] != me) {
            throw new AccessDeniedException("Not your meeting");
        }
        if (!"CONFIRMED".equals(row[2])) {
            throw new VenueRefusedException("venue.error.not-confirmed");
        }
        if (((Instant) row[4]).isAfter(clock.instant())) {
            throw new VenueRefusedException("outcome.error.not-begun");
        }
        if (Attendance.NO_SHOW.name().equals(row[3])) {
            throw new VenueRefusedException("outcome.error.no-show");
        }
        jdbc.update("""
                insert into meeting_outcome (meeting_id, company_id, outcome, comment, recorded_at, recorded_by)
                values (:meeting, :company, :outcome, :comment, :now, :user)
                on duplicate key update outcome = values(outcome), comment = values(comment),
                    recorded_at = values(recorded_at), recorded_by = values(recorded_by)""",
                new MapSqlParameterSource("meeting", meetingId).addValue("company", me)
                        .addValue("outcome", outcome.name()).addValue("comment", trimmed(comment))
                        .addValue("now", Timestamp.from(clock.instant())).addValue("user", user.id()));
    }

    /** The report's meetings: confirmed, with a mark or an outcome of either company. */
    private static final String REPORTED = AttendanceService.MEETINGS_WITH_PLACE_AND_COMPANIES + """
            left join meeting_outcome oa on oa.meeting_id = m.id and oa.company_id = m.requester_company_id
            left join meeting_outcome ob on ob.meeting_id = m.id and ob.company_id = m.partner_company_id
            where m.status = 'CONFIRMED'
              and (m.attendance is not null or oa.outcome is not null or ob.outcome is not null)
            """;

    private static final String REPORT_SELECT = """
            select m.id, s.starts_at,""" + MeetingPlace.COLUMNS + """
                   , a.short_name requester_name,
                   b.short_name partner_name, m.attendance, oa.outcome a_outcome, oa.comment a_comment,
                   ob.outcome b_outcome, ob.comment b_comment
            """;
    /** The meeting's id last: pages of the same time, hall and table (stands) come in one order. */
    private static final String REPORT_ORDER = " order by s.starts_at, h.name, t.number, m.id";
    /** A confirmed meeting ({@code m}, its slot {@code s}) that has begun and is marked neither held nor no-show. */
    private static final String BEGUN_UNMARKED = "m.attendance is null and s.starts_at <= :now";

    /**
     * Confirmed meetings that have a mark or an outcome, with both companies' outcomes, in time
     * order: the organizers' report, whole (its CSV file).
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<OutcomeReport> report() {
        return jdbc.query(REPORT_SELECT + REPORTED + REPORT_ORDER, new MapSqlParameterSource(), OutcomeService::reportRow);
    }

    /**
     * One page of {@link #report()}, in its order: the page shows the report in a lazy grid (a forum of 20,000
     * meetings has some 19,000 marked ones, read and held whole in each open tab before, and again at each poll). A
     * negative offset reads from the first row, a negative limit nothing, as the badges' and the fair's paged choices
     * do (review69: MariaDB read both as unsigned, so {@code limit -1} answered the whole report, the rows the paging
     * keeps out of the tab, and a negative offset nothing).
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<OutcomeReport> report(int offset, int limit) {
        return jdbc.query(REPORT_SELECT + REPORTED + REPORT_ORDER + " limit :limit offset :offset",
                new MapSqlParameterSource("limit", Math.max(0, limit)).addValue("offset", Math.max(0, offset)),
                OutcomeService::reportRow);
    }

    /** How many meetings {@link #report()} has. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public int reportSize() {
        Integer size = jdbc.queryForObject("select count(*) " + REPORTED, new MapSqlParameterSource(), Integer.class);
        return size == null ? 0 : size;
    }

    private static OutcomeReport reportRow(ResultSet rs, int row) throws SQLException {
        return new OutcomeReport(rs.getLong("id"), rs.getTimestamp("starts_at").toInstant(), MeetingPlace.of(rs),
                rs.getString("requester_name"), rs.getString("partner_name"), Attendance.of(rs.getString("attendance")),
                Outcome.of(rs.getString("a_outcome")), rs.getString("a_comment"), Outcome.of(rs.getString("b_outcome")),
                rs.getString("b_comment"));
    }

    /** The live figures: check-ins, meetings held and missed, outcomes by kind. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public ForumFigures figures() {
        Instant now = clock.instant();
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now));
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
        jdbc.query("""
                select o.outcome, count(*) n from meeting_outcome o join meeting m on m.id = o.meeting_id
                where m.status = 'CONFIRMED' group by o.outcome""", params,
                rs -> {
                    outcomes.put(Outcome.valueOf(rs.getString("outcome")), rs.getLong("n"));
                });
        return jdbc.queryForObject("""
                select (select count(*) from delegate_check_in ci join delegate d on d.id = ci.delegate_id
                          join company c on c.id = d.company_id where c.status = 'APPROVED') checked_in,
                       (select count(*) from delegate d join company c on c.id = d.company_id
                          where c.status = 'APPROVED') delegates,
                       count(*) confirmed,
                       coalesce(sum(m.attendance = 'HELD'), 0) held,
                       coalesce(sum(m.attendance = 'NO_SHOW'), 0) no_shows,
                       coalesce(sum(%s), 0) begun_unmarked
                from meeting m join slot s on s.id = m.slot_id
                where m.status = 'CONFIRMED'""".formatted(BEGUN_UNMARKED), params,
                (rs, i) -> new ForumFigures(rs.getLong("checked_in"), rs.getLong("delegates"), rs.getLong("confirmed"),
                        rs.getLong("held"), rs.getLong("no_shows"), rs.getLong("begun_unmarked"), outcomes, now));
    }

    /**
     * The figures' {@link ForumFigures#begunUnmarked()} alone, for the results report's page: confirmed meetings that
     * have begun and are not marked held or no-show. The page read all the figures (check-ins, delegates, outcomes by
     * kind) to learn this one count.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public long begunUnmarked() {
        Long count = jdbc.queryForObject("""
                select count(*) from meeting m join slot s on s.id = m.slot_id
                where m.status = 'CONFIRMED' and %s""".formatted(BEGUN_UNMARKED),
                new MapSqlParameterSource("now", Timestamp.from(clock.instant())), Long.class);
        return count == null ? 0 : count;
    }

    private static String trimmed(String text) {
        String value = Texts.multiLine(text);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.length() > MAX_COMMENT ? value.substring(0, MAX_COMMENT) : value;
    }
}
