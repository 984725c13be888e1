package org.b2bforum.company;

import java.time.Clock;
import java.sql.Timestamp;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A company's shortlist: the companies it has starred because it wants to meet them. */
@Service
public class ShortlistService {

    private final NamedParameterJdbcTemplate jdbc;
    private final ForumAccess access;
    private final Clock clock;

    ShortlistService(NamedParameterJdbcTemplate jdbc, ForumAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** Stars an approved company for the logged-in company; starring twice changes nothing. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public void star(long targetCompanyId) {
        long companyId = access.requireApprovedCompany();
        if (targetCompanyId == companyId || !access.isApproved(targetCompanyId)) {
            throw new CompanyNotFoundException(targetCompanyId);
        }
        jdbc.update("insert ignore into shortlist_entry (company_id, target_company_id, created_at) values (:c, :t, :at)",
                new MapSqlParameterSource("c", companyId).addValue("t", targetCompanyId)
                        .addValue("at", Timestamp.from(clock.instant())));
    }

    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public void unstar(long targetCompanyId) {
        long companyId = access.requireApprovedCompany();
        jdbc.update("delete from shortlist_entry where company_id = :c and target_company_id = :t",
                new MapSqlParameterSource("c", companyId).addValue("t", targetCompanyId));
    }
}
