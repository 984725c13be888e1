package org.b2bforum.meeting;

import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.registration.RegistrationDecided;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * When the organizers reject a company (its registration withdrawn after a new name or tax
 * number sent it back to review), its meetings ahead are cancelled in the organizer's name, so
 * that no partner travels to meet it and its slots and tables are free again. Runs once the
 * rejection has committed, each cancellation in a booking step of its own. A company merely back in
 * review keeps its confirmed meetings.
 */
@Component
class RegistrationWithdrawal {

    private final OrganizerBookings meetings;
    private final I18NProvider i18n;

    RegistrationWithdrawal(OrganizerBookings meetings, I18NProvider i18n) {
        this.meetings = meetings;
        this.i18n = i18n;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void cancelMeetingsOfRejected(RegistrationDecided decided) {
        if (decided.decision() == RegistrationStatus.REJECTED) {
            meetings.cancelAllOf(decided.companyId(), Cancellation.withdrawalReason(i18n::getTranslation));
        }
    }
}
