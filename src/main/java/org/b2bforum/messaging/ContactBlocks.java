package org.b2bforum.messaging;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a company blocked or muted another, for the messages. (A meeting request reads the block in
 * the same statement as its first look at the slot: meeting's {@code SlotLedger.firstLook}.)
 */
@Component
class ContactBlocks {

    private final JdbcTemplate jdbc;

    ContactBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when {@code companyId} blocked {@code otherCompanyId}: then nothing from the other reaches it. */
    boolean blocked(long companyId, long otherCompanyId) {
        return state(companyId, otherCompanyId) == ContactState.BLOCK;
    }

    ContactState state(long companyId, long otherCompanyId) {
        return jdbc.queryForList("select kind from company_contact_block where company_id = ? and other_company_id = ?",
                String.class, companyId, otherCompanyId).stream().findFirst().map(ContactState::valueOf)
                .orElse(ContactState.NONE);
    }
}
