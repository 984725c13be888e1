package org.b2bforum.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the representatives of a company that nobody of theirs chose who attends a meeting just confirmed, and where
 * to choose ({@link AttendeesToChoose}). Runs in the booking's thread once its turn is over, in a transaction of its
 * own: the booking's statements and locks are as they were, and the notification is there when the click's answer is.
 */
@Component
class AttendeesToChooseNotifier {

    private final NotificationService notifications;

    AttendeesToChooseNotifier(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    @Transactional
    void tell(AttendeesToChoose meeting) {
        notifications.notifyCompanies(meeting.companyIds(), meeting.noneAttends() ? NotificationView.CHOOSE_ATTENDEES
                : NotificationView.FIRST_DELEGATE_SENT, meeting.detail());
    }
}
