package org.b2bforum.announcement;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read model of the announcements for other features: which delegates' companies got which announcements in a
 * period. Meeting's morning digest lists them; the announcements and their recipients are this module's tables, so
 * the read is this module's (the digest read them in its own SQL before, outside its dependencies).
 */
@Component
public class AnnouncementsReceived {

    /** An announcement's text, received by the company of delegate {@code delegateId}. */
    public record Received(long delegateId, String email, String fullName, String body) {
    }

    private final JdbcTemplate jdbc;

    AnnouncementsReceived(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per delegate of an approved company, the announcements their company got after {@code after} and up to
     * {@code until}, oldest first.
     */
    public List<Received> byDelegate(Instant after, Instant until) {
        return jdbc.query("""
                select d.id, d.email, d.full_name, a.body
                from announcement a join announcement_recipient r on r.announcement_id = a.id
                join delegate d on d.company_id = r.company_id join company c on c.id = d.company_id
                where c.status = 'APPROVED' and a.created_at > ? and a.created_at <= ?
                order by a.created_at, a.id
                """, (rs, row) -> new Received(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                utc(after), utc(until));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
