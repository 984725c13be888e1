package org.b2bforum.meeting;

import java.util.List;

import org.b2bforum.announcement.SessionAudience;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Announcement's {@link SessionAudience}: the companies of the confirmed meetings in a session. */
@Component
class SessionAudienceReads implements SessionAudience {

    private final JdbcTemplate jdbc;

    SessionAudienceReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> companiesMeetingIn(long sessionId) {
        return jdbc.queryForList("""
                select distinct c.id from meeting m join slot s on s.id = m.slot_id
                join company c on c.id in (m.requester_company_id, m.partner_company_id)
                where s.session_id = ? and m.status = 'CONFIRMED' and c.status = 'APPROVED' order by c.id
                """, Long.class, sessionId);
    }
}
