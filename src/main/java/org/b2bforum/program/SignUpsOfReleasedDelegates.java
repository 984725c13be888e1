package org.b2bforum.program;

import org.b2bforum.company.DelegatesReleased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Delegates who leave their company's list leave the program items they had signed up for.
 * Runs in the releasing transaction (a plain synchronous listener): it commits or rolls back with the rest.
 */
@Component
class SignUpsOfReleasedDelegates {

    private final NamedParameterJdbcTemplate jdbc;

    SignUpsOfReleasedDelegates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void forget(DelegatesReleased released) {
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", released.delegateIds());
        jdbc.update("delete from program_item_attendee where delegate_id in (:ids)", ids);
    }
}
