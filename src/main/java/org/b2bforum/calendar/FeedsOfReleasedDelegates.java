package org.b2bforum.calendar;

import org.b2bforum.company.DelegatesReleased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The calendar subscriptions of delegates who leave their company's list stop working.
 * Runs in the releasing transaction (a plain synchronous listener): it commits or rolls back with the rest.
 */
@Component
class FeedsOfReleasedDelegates {

    private final NamedParameterJdbcTemplate jdbc;

    FeedsOfReleasedDelegates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void forget(DelegatesReleased released) {
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", released.delegateIds());
        jdbc.update("delete from calendar_feed where delegate_id in (:ids)", ids);
    }
}
