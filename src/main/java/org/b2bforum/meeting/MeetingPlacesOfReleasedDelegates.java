package org.b2bforum.meeting;

import org.b2bforum.company.DelegatesReleased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Delegates who leave their company's list leave the meeting requests they were named in (the caller
 * has refused delegates with confirmed meetings; their slot bookings go for completeness).
 * Runs in the releasing transaction (a plain synchronous listener): it commits or rolls back with the rest.
 */
@Component
class MeetingPlacesOfReleasedDelegates {

    private final NamedParameterJdbcTemplate jdbc;

    MeetingPlacesOfReleasedDelegates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void forget(DelegatesReleased released) {
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", released.delegateIds());
        jdbc.update("delete from meeting_delegate where delegate_id in (:ids)", ids);
        jdbc.update("delete from delegate_slot_booking where delegate_id in (:ids)", ids);
    }
}
