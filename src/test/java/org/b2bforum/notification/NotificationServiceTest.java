package org.b2bforum.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.b2bforum.base.ui.UnreadNotifications.Latest;
import org.b2bforum.company.Country;
import org.b2bforum.company.TestCompanies;
import org.b2bforum.company.TestCompanies.TestCompany;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The bell: the logged-in user's unread notifications and the latest of them, as a live update announces it. */
@SpringBootTest
class NotificationServiceTest {

    @Autowired
    NotificationService notifications;
    @Autowired
    TestCompanies companies;

    @Test
    void the_bell_counts_the_unread_notifications_and_names_the_latest_until_they_are_read() {
        TestCompany company = companies.approved(Country.BY);
        companies.logInAs(company);
        long before = notifications.unreadCount();

        notifications.notifyCompany(company.id(), "notification.meeting.CONFIRMED", "18.09 10:00 · зал A, стол 5");
        assertThat(notifications.unreadCount()).isEqualTo(before + 1);
        assertThat(notifications.latestUnread())
                .contains(new Latest("notification.meeting.CONFIRMED", "18.09 10:00 · зал A, стол 5"));

        // the organizers' comment on a registration is not repeated in the short note
        notifications.notifyCompany(company.id(), "notification.registration.CHANGES_REQUESTED", "Уточните УНП");
        assertThat(notifications.unreadCount()).isEqualTo(before + 2);
        assertThat(notifications.latestUnread()).contains(new Latest("notification.registration.CHANGES_REQUESTED", null));

        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();
        assertThat(notifications.latestUnread()).isEmpty();
        assertThat(notifications.mine(10)).hasSize((int) before + 2).allMatch(NotificationView::read);
    }
}
