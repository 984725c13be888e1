package org.b2bforum.badge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.b2bforum.base.i18n.MeetingPlace;
import org.b2bforum.base.text.Texts;
import org.b2bforum.company.BadgeRole;
import org.b2bforum.company.Country;
import org.b2bforum.fair.StandOfMeeting;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads badge holders and their schedules in bulk, a few statements for any number of delegates,
 * so that a night's batch of badges costs the database little. No security checks: the badge
 * services ask.
 */
@Component
class BadgeReader {

    private static final int CHUNK = 1000;
    private static final Comparator<ScheduleEntry> IN_TIME_ORDER = Comparator.comparing(ScheduleEntry::startsAt)
            .thenComparing(ScheduleEntry::endsAt).thenComparing(e -> e.title());

    private static final String HOLDER_COLUMNS = """
            select d.id, d.full_name, d.position, d.badge_role, c.id company_id, c.short_name, c.city, c.country
            from delegate d join company c on c.id = d.company_id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    BadgeReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BadgeHolder> holder(long delegateId) {
        return jdbc.query(HOLDER_COLUMNS + "where d.id = :id", new MapSqlParameterSource("id", delegateId),
                BadgeReader::holder).stream().findFirst();
    }

    /** The delegate's badge code as stored ({@code 7KQ3PX}); null while none was made (or no such delegate). */
    String badgeCode(long delegateId) {
        List<String> codes = jdbc.queryForList("select badge_code from delegate where id = :id",
                new MapSqlParameterSource("id", delegateId), String.class);
        return codes.isEmpty() ? null : codes.getFirst();
    }

    /** The delegates of approved companies that match the filter, by company and then by name. */
    List<BadgeHolder> holders(BadgeFilter filter, int offset, int limit) {
        MapSqlParameterSource params = params(filter).addValue("offset", offset).addValue("limit", limit);
        return jdbc.query(HOLDER_COLUMNS + where(filter)
                + " order by c.short_name, c.id, d.full_name, d.id limit :limit offset :offset", params,
                BadgeReader::holder);
    }

    int count(BadgeFilter filter) {
        Integer count = jdbc.queryForObject("select count(*) from delegate d join company c on c.id = d.company_id "
                + where(filter), params(filter), Integer.class);
        return count == null ? 0 : count;
    }

    /** The cities of approved companies that have delegates, for the filter. */
    List<String> cities() {
        return jdbc.queryForList("""
                select distinct c.city from company c
                where c.status = 'APPROVED' and exists (select 1 from delegate d where d.company_id = c.id)
                order by c.city""", new MapSqlParameterSource(), String.class);
    }

    /** Approved companies (id and name) that have delegates, for the filter. */
    List<CompanyOption> companies(String filter, int offset, int limit) {
        return jdbc.query("""
                select c.id, c.short_name from company c
                where c.status = 'APPROVED' and exists (select 1 from delegate d where d.company_id = c.id)
                  and c.short_name like :filter
                order by c.short_name, c.id limit :limit offset :offset""",
                new MapSqlParameterSource("filter", Texts.likeContaining(filter)).addValue("limit", Math.max(0, limit))
                        .addValue("offset", Math.max(0, offset)),
                (rs, n) -> new CompanyOption(rs.getLong("id"), rs.getString("short_name")));
    }

    /**
     * The schedules of these delegates, each in time order: their confirmed meetings (with the
     * counterpart company, hall and table, or the fair stand) and the program items they signed up for.
     */
    Map<Long, List<ScheduleEntry>> schedules(Collection<Long> delegateIds) {
        Map<Long, List<ScheduleEntry>> schedules = new HashMap<>();
        List<Long> ids = List.copyOf(delegateIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            MapSqlParameterSource params = new MapSqlParameterSource("ids",
                    ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            jdbc.query("""
                    select md.delegate_id, s.starts_at, s.ends_at, h.name hall_name, h.name_en hall_name_en,
                           t.number table_number,
                           case when m.requester_company_id = md.company_id then p.short_name else r.short_name end counterpart,
                           case when m.requester_company_id = md.company_id then m.partner_company_id
                                else m.requester_company_id end counterpart_id, m.attendance,
                    """ + MeetingPlace.COLUMNS + """
                    from meeting_delegate md
                    join meeting m on m.id = md.meeting_id
                    join slot s on s.id = m.slot_id
                    join hall h on h.id = s.hall_id
                    left join meeting_table t on t.id = m.table_id
                    """ + StandOfMeeting.JOINS + """
                    join company r on r.id = m.requester_company_id
                    join company p on p.id = m.partner_company_id
                    where md.delegate_id in (:ids) and m.status = 'CONFIRMED'""", params, rs -> {
                schedules.computeIfAbsent(rs.getLong("delegate_id"), id -> new ArrayList<>()).add(new ScheduleEntry(
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                        ScheduleEntry.Kind.MEETING, rs.getString("counterpart"), null, rs.getString("hall_name"),
                        rs.getString("hall_name_en"),
                        rs.getObject("table_number", Integer.class), MeetingPlace.of(rs), rs.getLong("counterpart_id"),
                        rs.getString("attendance")));
            });
            jdbc.query("""
                    select a.delegate_id, p.starts_at, p.ends_at, p.title, p.title_en, p.place, p.place_en
                    from program_item_attendee a join program_item p on p.id = a.program_item_id
                    where a.delegate_id in (:ids)""", params, rs -> {
                schedules.computeIfAbsent(rs.getLong("delegate_id"), id -> new ArrayList<>()).add(new ScheduleEntry(
                        rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                        ScheduleEntry.Kind.PROGRAM, rs.getString("title"), rs.getString("title_en"),
                        rs.getString("place"), rs.getString("place_en"), null, null, null, null));
            });
        }
        schedules.values().forEach(entries -> entries.sort(IN_TIME_ORDER));
        return schedules;
    }

    List<ScheduleEntry> schedule(long delegateId) {
        return schedules(List.of(delegateId)).getOrDefault(delegateId, List.of());
    }

    /** The first and last forum day, or nulls while the program has no days. */
    LocalDate[] forumDays() {
        return jdbc.query("select min(day) first_day, max(day) last_day from forum_day", rs -> {
            rs.next();
            return new LocalDate[] {localDate(rs.getObject("first_day", java.sql.Date.class)),
                    localDate(rs.getObject("last_day", java.sql.Date.class))};
        });
    }

    private static LocalDate localDate(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static String where(BadgeFilter filter) {
        StringBuilder where = new StringBuilder("where c.status = 'APPROVED'");
        if (filter.city() != null) {
            where.append(" and c.city = :city");
        }
        if (filter.companyId() != null) {
            where.append(" and c.id = :company");
        }
        if (filter.role() != null) {
            where.append(" and d.badge_role = :role");
        }
        return where.toString();
    }

    private static MapSqlParameterSource params(BadgeFilter filter) {
        return new MapSqlParameterSource("city", filter.city()).addValue("company", filter.companyId())
                .addValue("role", filter.role() == null ? null : filter.role().name());
    }

    private static BadgeHolder holder(ResultSet rs, int row) throws SQLException {
        return new BadgeHolder(rs.getLong("id"), rs.getString("full_name"), rs.getString("position"),
                rs.getLong("company_id"), rs.getString("short_name"), rs.getString("city"),
                Country.valueOf(rs.getString("country")), BadgeRole.valueOf(rs.getString("badge_role")));
    }
}
