package org.b2bforum.messaging;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether a company blocked another: asked by the meeting requests as well as by the messages. */
@Component
public class ContactBlocks {

    private final JdbcTemplate jdbc;

    ContactBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True when {@code companyId} blocked {@code otherCompanyId}: then nothing from the other reaches it. One
     * query in the caller's transaction, if any: a read-only JPA transaction of its own cost every meeting request
     * a connection and four session statements (bench/run-booking-contention).
     */
    public boolean blocked(long companyId, long otherCompanyId) {
        return state(companyId, otherCompanyId) == ContactState.BLOCK;
    }

    ContactState state(long companyId, long otherCompanyId) {
        return jdbc.queryForList("select kind from company_contact_block where company_id = ? and other_company_id = ?",
                String.class, companyId, otherCompanyId).stream().findFirst().map(ContactState::valueOf)
                .orElse(ContactState.NONE);
    }
}
