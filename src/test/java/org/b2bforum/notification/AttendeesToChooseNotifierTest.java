package org.b2bforum.notification;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * The "choose who attends" notification is written after the booking has committed: when it cannot be written (the
 * database gone that moment), the user whose meeting is booked gets no error for it.
 */
class AttendeesToChooseNotifierTest {

    @Test
    void a_notification_that_cannot_be_written_after_the_booking_is_not_an_error_for_the_booking() {
        PlatformTransactionManager databaseGone = new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
            }

            @Override
            public void commit(TransactionStatus status) {
            }

            @Override
            public void rollback(TransactionStatus status) {
            }
        };
        AttendeesToChooseNotifier notifier = new AttendeesToChooseNotifier(null, databaseGone);

        // before (review57's listener, @Transactional in the booking's thread), the failure reached the click's answer
        assertThatCode(() -> notifier.tell(new AttendeesToChoose(List.of(7L), "12:00 · Стол 3")))
                .doesNotThrowAnyException();
    }
}
