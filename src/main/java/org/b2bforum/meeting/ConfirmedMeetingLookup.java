package org.b2bforum.meeting;

import org.b2bforum.company.ConfirmedMeetings;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers whether two companies have a confirmed meeting, in either direction. */
@Component
class ConfirmedMeetingLookup implements ConfirmedMeetings {

    private final NamedParameterJdbcTemplate jdbc;

    ConfirmedMeetingLookup(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exist(long companyId, long otherCompanyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from meeting where status = 'CONFIRMED'
                  and ((requester_company_id = :a and partner_company_id = :b)
                    or (requester_company_id = :b and partner_company_id = :a)))""",
                new MapSqlParameterSource("a", companyId).addValue("b", otherCompanyId), Boolean.class));
    }
}
