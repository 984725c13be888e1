package org.b2bforum.registration;

import java.time.Clock;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.EmailConfirmationService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.CompanyRecords;
import org.b2bforum.registration.domain.RegistrationEvent;
import org.b2bforum.registration.domain.RegistrationEventRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forum office confirms a company's log-in e-mail itself (review72): the confirmation e-mail did not arrive (a
 * strict spam filter, a mailbox full) and an organizer called the company and heard the address from it. Only
 * organizers; the reason is required, and who, when and why go to the application's audit trail, which the organizers
 * and the company see on the application's page and on its home page.
 */
@Service
public class EmailConfirmedByOffice {

    private final CompanyRecords records;
    private final EmailConfirmationService confirmations;
    private final RegistrationEventRepository events;
    private final CurrentUser currentUser;
    private final Clock clock;

    EmailConfirmedByOffice(CompanyRecords records, EmailConfirmationService confirmations,
            RegistrationEventRepository events, CurrentUser currentUser, Clock clock) {
        this.records = records;
        this.confirmations = confirmations;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Marks the company's log-in e-mail confirmed, as if its owner had opened the link, with the organizer's reason
     * (e.g. "confirmed by phone with the director, 12:40").
     *
     * @throws InvalidRegistrationException for the field "reason" when it is empty or too long
     * @throws RegistrationStateException   when there is no such application or its e-mail is confirmed already
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void confirm(long companyId, String reason) {
        String comment = RegistrationService.requiredComment(reason, "reason");
        ForumUser organizer = currentUser.require();
        records.lock(companyId).orElseThrow(() -> new RegistrationStateException("registration.error.not-found"));
        if (!confirmations.confirmedByOffice(companyId)) {
            throw new RegistrationStateException("registration.error.email-confirmed-already");
        }
        events.save(new RegistrationEvent(companyId, RegistrationEventType.EMAIL_CONFIRMED_BY_OFFICE, comment,
                organizer.id(), organizer.email(), clock.instant()));
    }
}
