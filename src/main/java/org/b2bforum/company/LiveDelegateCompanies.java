package org.b2bforum.company;

import java.util.List;
import java.util.Optional;

import org.b2bforum.base.live.DelegateCompanies;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The delegates' companies for base's live updates ({@link DelegateCompanies}): one plain read of company's own
 * table, without a transaction of its own, as {@code LiveUpdates} read it before it asked through the interface
 * (a page opens at the booking window's rush subscribe; {@link Delegates#companyOf} opens a JPA transaction).
 */
@Component
class LiveDelegateCompanies implements DelegateCompanies {

    private final JdbcTemplate jdbc;

    LiveDelegateCompanies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> companyOf(long delegateId) {
        List<Long> ids = jdbc.queryForList("select company_id from delegate where id = ?", Long.class, delegateId);
        return ids.stream().findFirst();
    }
}
