package org.b2bforum.notification;

import org.b2bforum.program.ProgramItemRemoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A program item the organizers removed reaches the delegates who had signed up for it and their companies'
 * representatives, after it has committed (their day changed: the item is gone from their schedule and badge).
 */
@Component
class ProgramItemNotifier {

    /** The notification's key; the removed item in one line its detail. */
    static final String REMOVED = "notification.program-item.REMOVED";

    private final NotificationService notifications;

    ProgramItemNotifier(NotificationService notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void notifyAttendees(ProgramItemRemoved removed) {
        notifications.notifyMeeting(removed.companyIds(), removed.delegateIds(), REMOVED, removed.detail());
    }
}
