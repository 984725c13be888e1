package org.b2bforum.notification;

import org.b2bforum.base.security.DelegateAccountCreated;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A delegate's new log-in receives the organizers' announcements that reached their company before it existed, as
 * they were sent (their time, unread): each once, copied from the company's representatives' notifications. The
 * meetings they attend come from the meeting module (a summary of their day, not the history of requests and
 * answers, which were their representatives' business). Runs in the account's transaction.
 */
@Component
class NotificationsOfNewDelegates {

    private final NamedParameterJdbcTemplate jdbc;

    NotificationsOfNewDelegates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void announcementsBefore(DelegateAccountCreated created) {
        jdbc.update("""
                insert into notification (user_id, message_key, detail, created_at)
                select :user, n.message_key, n.detail, n.created_at from notification n
                where n.id in (select min(r.id) from notification r join app_user u on u.id = r.user_id
                               where u.company_id = (select company_id from delegate where id = :delegate)
                                 and r.message_key = :key
                               group by r.created_at, r.detail)
                order by n.id""",
                new MapSqlParameterSource("user", created.accountId()).addValue("delegate", created.delegateId())
                        .addValue("key", NotificationView.ANNOUNCEMENT));
    }
}
