package org.b2bforum.fair;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read model of the stands for other features: which stands two companies have, for a meeting at one of them
 * (meeting offers them when a company asks for a meeting at a stand). Not reachable from a view: the caller checks
 * who is asking; no transaction of its own (it joins the caller's).
 */
@Component
public class CompanyStands {

    /** A stand and the company it is assigned to. */
    public record Stand(long standId, String number, long companyId, String companyName) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    CompanyStands(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stands of {@code partnerId}, then those of {@code me}; only stands of approved companies (a stand stays
     * assigned while its company is back in review or rejected).
     */
    public List<Stand> partnersThenMine(long partnerId, long me) {
        return jdbc.query("""
                select s.id, s.number, c.id company_id, c.short_name from fair_stand_assignment a
                join fair_stand s on s.id = a.stand_id join company c on c.id = a.company_id and c.status = 'APPROVED'
                where a.company_id in (:me, :partner) order by a.company_id = :me""",
                new MapSqlParameterSource("me", me).addValue("partner", partnerId),
                (rs, i) -> new Stand(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
    }
}
