package org.b2bforum.messaging;

import java.util.ArrayList;
import java.util.List;

import org.b2bforum.base.live.LiveChange;
import org.b2bforum.base.live.LiveFeed;
import org.b2bforum.company.ApprovalChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A company that leaves the forum (sent back to review, rejected) or comes back to it: the open messages pages of the
 * companies it talked with, and its own, are told in the changing transaction. A conversation open with it offered the
 * field and "Messages and requests welcome" until Send was refused (ux75); now it closes at once.
 */
@Component
class PartnersOfLeavingCompanies {

    private final JdbcTemplate jdbc;
    private final LiveFeed liveFeed;

    PartnersOfLeavingCompanies(JdbcTemplate jdbc, LiveFeed liveFeed) {
        this.jdbc = jdbc;
        this.liveFeed = liveFeed;
    }

    @EventListener
    void tellTheirPages(ApprovalChanged changed) {
        long company = changed.companyId();
        List<Long> told = new ArrayList<>(jdbc.queryForList("""
                select case when company_a = ? then company_b else company_a end from conversation
                where company_a = ? or company_b = ?
                """, Long.class, company, company, company));
        if (told.isEmpty()) {
            return; // its own page has nothing to show that changed: no conversation
        }
        told.add(company);
        liveFeed.companiesChanged(told, LiveChange.Kind.MESSAGE);
    }
}
