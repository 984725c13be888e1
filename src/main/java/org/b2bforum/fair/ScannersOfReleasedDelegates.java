package org.b2bforum.fair;

import org.b2bforum.company.DelegatesReleased;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leads scanned by delegates who leave their company's list stay with the exhibitor under the scanner's
 * name stored with them; only the link to the log-in (deleted by the delegate module) goes. Before that
 * deletion, in the releasing transaction. (Leads on a released visitor go with the delegate row: cascade.)
 */
@Component
class ScannersOfReleasedDelegates {

    private final NamedParameterJdbcTemplate jdbc;

    ScannersOfReleasedDelegates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void keepTheirLeads(DelegatesReleased released) {
        jdbc.update("update fair_lead set scanned_by = null "
                + "where scanned_by in (select id from app_user where delegate_id in (:ids))",
                new MapSqlParameterSource("ids", released.delegateIds()));
    }
}
