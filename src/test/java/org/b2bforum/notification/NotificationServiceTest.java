package org.b2bforum.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.b2bforum.ForumSpringTest;
import org.b2bforum.base.ui.UnreadNotifications.Latest;
import org.b2bforum.company.Country;
import org.b2bforum.company.TestCompanies;
import org.b2bforum.company.TestCompanies.TestCompany;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The bell: the logged-in user's unread notifications and the latest of them, as a live update announces it. */
@ForumSpringTest
class NotificationServiceTest {

    @Autowired
    NotificationService notifications;
    @Autowired
    TestCompanies companies;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_notification_as_statements_for_the_callers_batch_writes_what_notify_companies_writes_and_no_text_is_sql() {
        TestCompany told = companies.approved(Country.BY);
        TestCompany other = companies.approved(Country.RU);
        long lastChange = jdbc.queryForObject("select coalesce(max(id), 0) from live_change", Long.class);
        String detail = "18.09 10:00 · «O'Brien & Co» \\'); delete from notification; -- зал A";
        NotificationService.Recipients recipients = NotificationService.Recipients.of(jdbc.queryForObject(
                "select " + NotificationService.Recipients.column(told.id() + ", " + other.id(), "-1"), String.class));
        assertThat(recipients.usersByCompany()).containsOnlyKeys(told.id(), other.id())
                .containsEntry(told.id(), jdbc.queryForList("select id from app_user where company_id = ? order by id",
                        Long.class, told.id()));

        // the booking reads the recipients with its situation under its locks, and sends these in its last batch
        List<String> statements = notifications.statements(recipients, List.of(told.id()), false,
                "notification.meeting.REQUESTED", detail);
        jdbc.batchUpdate(statements.toArray(String[]::new));

        List<Map<String, Object>> written = jdbc.queryForList("select n.user_id, n.message_key, n.detail, n.created_at"
                + " from notification n join app_user u on u.id = n.user_id where u.company_id in (?, ?) and n.message_key = ?",
                told.id(), other.id(), "notification.meeting.REQUESTED");
        assertThat(written).hasSize(1);
        assertThat(written.get(0)).containsEntry("message_key", "notification.meeting.REQUESTED")
                .containsEntry("detail", detail)
                .containsEntry("user_id", recipients.usersByCompany().get(told.id()).get(0));
        LocalDateTime createdAt = ((java.sql.Timestamp) written.get(0).get("created_at")).toLocalDateTime();
        assertThat(Duration.between(createdAt, LocalDateTime.now(ZoneOffset.UTC)).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(jdbc.queryForList("select company_id from live_change where id > ? and kind = 'NOTIFICATION'",
                Long.class, lastChange)).containsExactly(told.id());
        companies.logInAs(told);
        assertThat(notifications.latestUnread()).contains(new Latest("notification.meeting.REQUESTED", detail, false));
    }

    @Test
    void the_count_a_page_adds_to_its_bell_is_what_the_statements_wrote_for_each_log_in() {
        TestCompany told = companies.approved(Country.BY);
        TestCompany other = companies.approved(Country.RU);
        NotificationService.Recipients read = NotificationService.Recipients.of(jdbc.queryForObject(
                "select " + NotificationService.Recipients.column(told.id() + ", " + other.id(), "-1"), String.class));
        long representative = read.usersByCompany().get(told.id()).getFirst();
        long partner = read.usersByCompany().get(other.id()).getFirst();
        // a log-in among the delegates' as well: written to twice, counted twice
        NotificationService.Recipients recipients = new NotificationService.Recipients(read.usersByCompany(),
                List.of(representative));

        for (boolean toDelegates : List.of(false, true)) {
            String key = "notification.meeting.CONFIRMED";
            String detail = "count " + toDelegates + " " + System.nanoTime();
            jdbc.batchUpdate(notifications.statements(recipients, List.of(told.id(), other.id()), toDelegates, key,
                    detail).toArray(String[]::new));
            for (long user : List.of(representative, partner)) {
                assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and detail = ?",
                        Integer.class, user, detail)).as("user %d, to delegates %s", user, toDelegates)
                        .isEqualTo(recipients.notificationsFor(user, List.of(told.id(), other.id()), toDelegates));
            }
            assertThat(recipients.notificationsFor(representative, List.of(told.id()), toDelegates))
                    .isEqualTo(toDelegates ? 2 : 1);
        }
    }

    @Test
    void the_bell_counts_the_unread_notifications_and_names_the_latest_until_they_are_read() {
        TestCompany company = companies.approved(Country.BY);
        companies.logInAs(company);
        long before = notifications.unreadCount();

        notifications.notifyCompany(company.id(), "notification.meeting.CONFIRMED", "18.09 10:00 · зал A, стол 5");
        assertThat(notifications.unreadCount()).isEqualTo(before + 1);
        assertThat(notifications.latestUnread())
                .contains(new Latest("notification.meeting.CONFIRMED", "18.09 10:00 · зал A, стол 5", false));

        // the organizers' comment on a registration is not repeated in the short note
        notifications.notifyCompany(company.id(), "notification.registration.CHANGES_REQUESTED", "Уточните УНП");
        assertThat(notifications.unreadCount()).isEqualTo(before + 2);
        assertThat(notifications.latestUnread()).contains(new Latest("notification.registration.CHANGES_REQUESTED", null, false));

        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();
        assertThat(notifications.latestUnread()).isEmpty();
        assertThat(notifications.mine(10)).hasSize((int) before + 2).allMatch(NotificationView::read);
    }

    @Test
    void the_list_marks_read_what_it_shows_and_leads_to_not_a_notification_that_came_after_it_was_read() {
        TestCompany company = companies.approved(Country.RU);
        companies.logInAs(company);
        notifications.notifyCompany(company.id(), "notification.meeting.CONFIRMED", "18.09 10:00 · зал A, стол 5");
        notifications.notifyCompany(company.id(), "notification.meeting.MOVED", "18.09 10:20 · зал A, стол 5");
        List<NotificationView> shown = notifications.mine(1);

        // a partner's answer committed between the page's reading of its list and its marking them read
        notifications.notifyCompany(company.id(), "notification.meeting.CANCELLED", "18.09 10:20 · зал A, стол 5");
        notifications.markReadAsOf(shown.getFirst());

        assertThat(notifications.unreadCount()).as("the one no page showed stays unread for the bell").isEqualTo(1);
        assertThat(notifications.latestUnread()).get().extracting(Latest::messageKey)
                .isEqualTo("notification.meeting.CANCELLED");
        assertThat(notifications.mine(10)).as("the one shown and the older one behind 'Show older' are read")
                .filteredOn(NotificationView::read).extracting(NotificationView::messageKey)
                .startsWith("notification.meeting.MOVED", "notification.meeting.CONFIRMED")
                .doesNotContain("notification.meeting.CANCELLED");
    }
}
