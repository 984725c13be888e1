package org.b2bforum.notification;

import org.b2bforum.company.DelegatesReleased;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notifications of delegates who leave their company's list go with their log-ins. First among the
 * listeners: the delegate module deletes the log-ins these rows refer to. Runs in the releasing
 * transaction (a plain synchronous listener): it commits or rolls back with the rest.
 */
@Component
class NotificationsOfReleasedDelegates {

    private final NamedParameterJdbcTemplate jdbc;

    NotificationsOfReleasedDelegates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void forget(DelegatesReleased released) {
        jdbc.update("delete from notification where user_id in (select id from app_user where delegate_id in (:ids))",
                new MapSqlParameterSource("ids", released.delegateIds()));
    }
}
