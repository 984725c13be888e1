package org.b2bforum.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.b2bforum.company.Country;
import org.b2bforum.registration.IdentityProposal.Identity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The proposals awaiting the forum office (table identity_change_proposal, V48), each beside the approved values. */
@Component
class IdentityProposals {

    private static final String SELECT = """
            select p.company_id, c.full_name, c.short_name, c.country, c.tax_number,
                   p.full_name, p.short_name, p.country, p.tax_number, p.proposed_at
              from identity_change_proposal p join company c on c.id = p.company_id
            """;

    private final JdbcTemplate jdbc;

    IdentityProposals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the company's proposal, in place of one it made before. */
    void save(long companyId, Identity proposed, Instant at) {
        jdbc.update("""
                insert into identity_change_proposal (company_id, full_name, short_name, country, tax_number, proposed_at)
                values (?, ?, ?, ?, ?, ?)
                on duplicate key update full_name = values(full_name), short_name = values(short_name),
                       country = values(country), tax_number = values(tax_number), proposed_at = values(proposed_at)
                """, companyId, proposed.fullName(), proposed.shortName(), proposed.country().name(),
                proposed.taxNumber(), Timestamp.from(at));
    }

    Optional<IdentityProposal> of(long companyId) {
        return jdbc.query(SELECT + " where p.company_id = ?", IdentityProposals::proposal, companyId).stream()
                .findFirst();
    }

    /** Every proposal of an approved company (one withdrawn meanwhile has nothing to decide), the earliest first. */
    List<IdentityProposal> all() {
        return jdbc.query(SELECT + " where c.status = 'APPROVED' order by p.proposed_at, p.company_id",
                IdentityProposals::proposal);
    }

    long count() {
        Long count = jdbc.queryForObject("""
                select count(*) from identity_change_proposal p join company c on c.id = p.company_id
                 where c.status = 'APPROVED'
                """, Long.class);
        return count == null ? 0 : count;
    }

    boolean delete(long companyId) {
        return jdbc.update("delete from identity_change_proposal where company_id = ?", companyId) == 1;
    }

    private static IdentityProposal proposal(ResultSet rs, int row) throws SQLException {
        return new IdentityProposal(rs.getLong(1),
                new Identity(rs.getString(2), rs.getString(3), Country.valueOf(rs.getString(4)), rs.getString(5)),
                new Identity(rs.getString(6), rs.getString(7), Country.valueOf(rs.getString(8)), rs.getString(9)),
                rs.getTimestamp(10).toInstant());
    }
}
