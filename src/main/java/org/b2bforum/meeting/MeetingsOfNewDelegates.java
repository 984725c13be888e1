package org.b2bforum.meeting;

import java.time.Clock;
import java.util.List;

import org.b2bforum.base.security.DelegateAccountCreated;
import org.b2bforum.notification.NotificationService;
import org.b2bforum.notification.NotificationView;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A delegate's new log-in is told, in one notification, of the confirmed meetings ahead that they attend: the
 * notifications of those meetings went out before the account existed (to the representatives), and a delegate
 * invited late saw none of them (ux54). One summary of the day as it stands, not the history of its requests and
 * changes; the lines as the meetings' notifications give them, joined by "; ", as many as the detail holds. Runs in
 * the account's transaction.
 */
@Component
class MeetingsOfNewDelegates {

    /** The notification's detail column holds 2,000 characters. */
    private static final int DETAIL_LENGTH = 2000;

    private final MeetingDescriptions descriptions;
    private final NotificationService notifications;
    private final Clock clock;

    MeetingsOfNewDelegates(MeetingDescriptions descriptions, NotificationService notifications, Clock clock) {
        this.descriptions = descriptions;
        this.notifications = notifications;
        this.clock = clock;
    }

    @EventListener
    void tellTheirMeetings(DelegateAccountCreated created) {
        List<String> lines = descriptions.confirmedMeetingsOfDelegatesAhead(List.of(created.delegateId()),
                clock.instant());
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder detail = new StringBuilder();
        for (String line : lines) {
            if (detail.length() + line.length() + 2 > DETAIL_LENGTH) {
                break;
            }
            detail.append(detail.isEmpty() ? "" : "; ").append(line);
        }
        notifications.notifyAccount(created.accountId(), NotificationView.ATTENDING, detail.toString());
    }
}
