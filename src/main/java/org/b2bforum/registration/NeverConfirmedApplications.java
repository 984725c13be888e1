package org.b2bforum.registration;

import java.util.List;

import org.b2bforum.base.security.EmailConfirmationService;
import org.b2bforum.company.CompanyRecords;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.registration.domain.RegistrationEventRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the applications whose log-in e-mail nobody confirmed while its links worked
 * ({@link EmailConfirmationService#VALID_FOR}): the approval queue is not left holding them for ever, and their e-mail
 * and tax number are free to register again. A new registration with the same tax number or e-mail removes one at
 * once ({@link #remove}: a typo's owner registers again with the right address). Only applications
 * still pending: one the organizers rejected stays, with its history. Each in a transaction of its own under the
 * company's lock, so that two nodes running the job at once remove each once.
 */
@Component
public class NeverConfirmedApplications {

    private static final Logger log = LoggerFactory.getLogger(NeverConfirmedApplications.class);
    private static final int BATCH = 100;

    private final EmailConfirmationService confirmations;
    private final CompanyRecords records;
    private final RegistrationEventRepository events;
    private final TransactionTemplate transactions;

    NeverConfirmedApplications(EmailConfirmationService confirmations, CompanyRecords records,
            RegistrationEventRepository events, PlatformTransactionManager transactionManager) {
        this.confirmations = confirmations;
        this.records = records;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Every 10 minutes (and 10 minutes after the start): an application goes at most that long after its links. */
    @Scheduled(fixedDelayString = "${b2bforum.registration.never-confirmed-check:10m}",
            initialDelayString = "${b2bforum.registration.never-confirmed-check:10m}")
    public int removeExpired() {
        int removed = 0;
        for (long companyId : confirmations.companiesNeverConfirmed(BATCH)) {
            if (Boolean.TRUE.equals(transactions.execute(status -> remove(companyId)))) {
                removed++;
            }
        }
        if (removed > 0) {
            log.info("Removed {} applications whose e-mail was never confirmed", removed);
        }
        return removed;
    }

    /**
     * Removes the application if it is pending and its log-in's e-mail not confirmed, in the caller's transaction: the
     * job's, or a new registration's with the same tax number or e-mail (a typo's owner registering again; an
     * application nobody proved holds neither against one that may be proved).
     *
     * @return whether it was removed
     */
    boolean remove(long companyId) {
        if (records.lock(companyId).filter(c -> c.status() == RegistrationStatus.PENDING).isEmpty()
                || confirmations.companiesAwaitingConfirmation(List.of(companyId)).isEmpty()) {
            return false; // removed by another node meanwhile, decided, or confirmed
        }
        events.deleteByCompany(companyId);
        confirmations.deleteNeverConfirmed(companyId);
        records.deleteNeverConfirmed(companyId);
        return true;
    }
}
