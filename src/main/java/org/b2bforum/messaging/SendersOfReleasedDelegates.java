package org.b2bforum.messaging;

import org.b2bforum.company.DelegatesReleased;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Messages written by delegates who leave their company's list stay in the conversation under the name
 * stored with them; only the link to the log-in (deleted by the delegate module) goes. Before that
 * deletion, in the releasing transaction.
 */
@Component
class SendersOfReleasedDelegates {

    private final NamedParameterJdbcTemplate jdbc;

    SendersOfReleasedDelegates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void keepTheirMessages(DelegatesReleased released) {
        jdbc.update("update message set sender_user_id = null "
                + "where sender_user_id in (select id from app_user where delegate_id in (:ids))",
                new MapSqlParameterSource("ids", released.delegateIds()));
    }
}
