package org.b2bforum.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the representatives of the companies of a meeting the organizers booked that their first delegate was sent, and
 * where to change it ({@link AttendeesToChoose}). Runs in the booking's thread once its turn is over, in a transaction of its
 * own: the booking's statements and locks are as they were, and the notification is there when the click's answer is.
 * The booking has committed by then: a notification that cannot be written (the database gone that moment) is one line
 * in the log, not an error for the user whose meeting is booked.
 */
@Component
class AttendeesToChooseNotifier {

    private static final Logger log = LoggerFactory.getLogger(AttendeesToChooseNotifier.class);

    private final NotificationService notifications;
    private final TransactionTemplate transactions;

    AttendeesToChooseNotifier(NotificationService notifications, PlatformTransactionManager transactionManager) {
        this.notifications = notifications;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener
    void tell(AttendeesToChoose meeting) {
        try {
            transactions.executeWithoutResult(status -> notifications.notifyCompanies(meeting.companyIds(),
                    NotificationView.FIRST_DELEGATE_SENT, meeting.detail()));
        } catch (DataAccessException | TransactionException e) {
            log.warn("A meeting was booked, but its 'choose who attends' notification could not be written: {}",
                    e.getMostSpecificCause().getMessage());
        }
    }
}
