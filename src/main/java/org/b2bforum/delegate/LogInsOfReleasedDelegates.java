package org.b2bforum.delegate;

import org.b2bforum.base.security.AccountService;
import org.b2bforum.company.DelegatesReleased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Delegates who leave their company's list lose their pending invitation and their log-in. The notification
 * module's listener, ordered first, has deleted the notifications that refer to those log-ins. Runs in the releasing
 * transaction (a plain synchronous listener): it commits or rolls back with the rest.
 */
@Component
class LogInsOfReleasedDelegates {

    private final NamedParameterJdbcTemplate jdbc;
    private final AccountService accounts;

    LogInsOfReleasedDelegates(NamedParameterJdbcTemplate jdbc, AccountService accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @EventListener
    void forget(DelegatesReleased released) {
        jdbc.update("delete from delegate_invitation where delegate_id in (:ids)",
                new MapSqlParameterSource("ids", released.delegateIds()));
        accounts.deleteDelegateAccounts(released.delegateIds());
    }
}
