package org.b2bforum.registration;

import java.time.Clock;
import java.util.function.Consumer;

import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.EmailConfirmationService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.CompanyRecords;
import org.b2bforum.company.CompanyRecords.LockedCompany;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.registration.domain.RegistrationEvent;
import org.b2bforum.registration.domain.RegistrationEventRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the forum office puts right on an application on the company's word, when the forum's own way did not work:
 * an e-mail confirmed by phone (review72), a rejected application's tax number freed for the company that owns it
 * (review74). Only organizers; the reason is required, and who, when and why go to the application's audit trail,
 * which the organizers and the company see on the application's page and on its home page.
 */
@Service
public class OfficeCorrections {

    private final CompanyRecords records;
    private final EmailConfirmationService confirmations;
    private final RegistrationEventRepository events;
    private final CurrentUser currentUser;
    private final Clock clock;

    OfficeCorrections(CompanyRecords records, EmailConfirmationService confirmations,
            RegistrationEventRepository events, CurrentUser currentUser, Clock clock) {
        this.records = records;
        this.confirmations = confirmations;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Marks the company's log-in e-mail confirmed, as if its owner had opened the link, with the organizer's reason
     * (e.g. "confirmed by phone with the director, 12:40"): the confirmation e-mail did not arrive (a strict spam
     * filter, a mailbox full) and an organizer called the company and heard the address from it.
     *
     * @throws InvalidRegistrationException for the field "reason" when it is empty or too long
     * @throws RegistrationStateException   when there is no such application or its e-mail is confirmed already
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void confirmEmail(long companyId, String reason) {
        corrected(companyId, reason, RegistrationEventType.EMAIL_CONFIRMED_BY_OFFICE, company -> {
            if (!confirmations.confirmedByOffice(companyId)) {
                throw new RegistrationStateException("registration.error.email-confirmed-already");
            }
        });
    }

    /**
     * Frees the tax number of a rejected application for another application, with the organizer's reason (e.g.
     * "the company's director called: this application was not theirs"). Whoever registered a company's tax number
     * with a confirmed address of their own and was rejected held it for good: the real company's form answered
     * "already registered" (stop 49 freed only applications nobody confirmed, {@link NeverConfirmedApplications}). A
     * rejection alone does not free it: a company rejected for its own reasons would apply again at once. The office
     * decides, on the real company's word (its form tells it to write to the office); the rejected application keeps
     * the number it applied with.
     *
     * @throws InvalidRegistrationException for the field "reason" when it is empty or too long
     * @throws RegistrationStateException   when there is no such application, it is not rejected, or its number is
     *                                      free already
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void freeTaxNumber(long companyId, String reason) {
        corrected(companyId, reason, RegistrationEventType.TAX_NUMBER_FREED, company -> {
            if (company.status() != RegistrationStatus.REJECTED) {
                throw new RegistrationStateException("registration.error.not-rejected");
            }
            if (!records.freeTaxNumber(companyId, clock.instant())) {
                throw new RegistrationStateException("registration.error.tax-number-freed-already");
            }
        });
    }

    /** The reason checked, the company locked, the correction made, and who, when and why kept in the trail. */
    private void corrected(long companyId, String reason, RegistrationEventType type,
            Consumer<LockedCompany> correction) {
        String comment = RegistrationService.requiredComment(reason, "reason");
        ForumUser organizer = currentUser.require();
        LockedCompany company = records.lock(companyId)
                .orElseThrow(() -> new RegistrationStateException("registration.error.not-found"));
        correction.accept(company);
        events.save(new RegistrationEvent(companyId, type, comment, organizer.id(), organizer.email(),
                clock.instant()));
    }
}
