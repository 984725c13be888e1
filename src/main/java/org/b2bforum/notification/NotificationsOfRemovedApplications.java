package org.b2bforum.notification;

import org.b2bforum.registration.UnconfirmedApplicationRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notifications of an application removed because nobody confirmed its e-mail (a rejected one has one: the
 * rejection) go with its log-ins, which the registration deletes next. In the removing transaction (a plain synchronous
 * listener): it commits or rolls back with the rest.
 */
@Component
class NotificationsOfRemovedApplications {

    private final NamedParameterJdbcTemplate jdbc;

    NotificationsOfRemovedApplications(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void forget(UnconfirmedApplicationRemoved removed) {
        jdbc.update("delete from notification where user_id in "
                + "(select id from app_user where company_id = :company and awaiting_email_confirmation)",
                new MapSqlParameterSource("company", removed.companyId()));
    }
}
