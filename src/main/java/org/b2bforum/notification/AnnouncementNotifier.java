package org.b2bforum.notification;

import org.b2bforum.announcement.AnnouncementPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An announcement reaches its companies' notifications (and their open pages) after it has
 * committed, in a transaction of its own and at least once (event publication registry): the fan-out
 * to every log-in of the audience, up to all of the forum's, is not part of the organizer's
 * transaction.
 */
@Component
class AnnouncementNotifier {

    private final NotificationService notifications;

    AnnouncementNotifier(NotificationService notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void notifyCompanies(AnnouncementPublished published) {
        notifications.notifyCompanies(published.companyIds(), NotificationView.ANNOUNCEMENT, published.text(),
                published.at());
    }
}
