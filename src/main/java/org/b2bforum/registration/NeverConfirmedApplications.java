package org.b2bforum.registration;

import java.util.LinkedHashSet;
import java.util.Set;

import org.b2bforum.base.security.EmailConfirmationService;
import org.b2bforum.company.CompanyRecords;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.company.TaxNumbers;
import org.b2bforum.registration.domain.RegistrationEventRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the applications whose log-in e-mail nobody confirmed while its links worked
 * ({@link EmailConfirmationService#VALID_FOR}): the approval queue is not left holding them for ever, and their e-mail
 * and tax number are free to register again. A new registration with the same tax number or e-mail and the same
 * password removes one at once ({@link #remove}: a typo's owner registers again with the right address; a stranger
 * who knows only the tax number or the e-mail does not, review70). Pending applications,
 * and rejected ones once their links expired ({@link #EXPIRED_REMOVED}). Each in a transaction of its own under the
 * company's lock, so that two nodes running the job at once remove each once.
 */
@Component
public class NeverConfirmedApplications {

    private static final Logger log = LoggerFactory.getLogger(NeverConfirmedApplications.class);
    private static final int BATCH = 100;
    /**
     * What the job removes once the links have expired: a pending application, and a rejected one too (review72). A
     * rejection kept the tax number and the e-mail for good: whoever registered a company's tax number with an address
     * of their own and was rejected as spam left the real company no way ever to register (its form answers "already
     * registered"). And, kept, the oldest such rejections filled the job's batch at every run, ahead of the pending
     * ones it should remove. Nobody proved the address, so nobody is told either way.
     */
    private static final Set<RegistrationStatus> EXPIRED_REMOVED = Set.of(RegistrationStatus.PENDING,
            RegistrationStatus.REJECTED);

    private final EmailConfirmationService confirmations;
    private final CompanyRecords records;
    private final RegistrationEventRepository events;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;

    NeverConfirmedApplications(EmailConfirmationService confirmations, CompanyRecords records,
            RegistrationEventRepository events, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher publisher) {
        this.publisher = publisher;
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
            if (Boolean.TRUE.equals(transactions.execute(status -> remove(companyId, EXPIRED_REMOVED)))) {
                removed++;
            }
        }
        if (removed > 0) {
            log.info("Removed {} applications whose e-mail was never confirmed", removed);
        }
        return removed;
    }

    /**
     * The unconfirmed applications that this registration replaces: those with its tax number or its log-in e-mail
     * whose log-in was made with its password ({@link EmailConfirmationService#madeWith}, which counts a wrong one as a
     * failed log-in). Read outside the registration's transaction, so that the count stays when it is refused; each is
     * checked again under its lock when removed ({@link #remove}). Only for a form the validator took (the caller's
     * check, once per submission): a refused one compares no password.
     */
    Set<Long> givingWayTo(RegistrationForm form) {
        Set<Long> candidates = new LinkedHashSet<>();
        transactions.executeWithoutResult(status -> {
            records.withTaxNumber(form.getCountry(), TaxNumbers.normalize(form.getTaxNumber()))
                    .ifPresent(candidates::add);
            confirmations.companyAwaitingConfirmation(form.getLoginEmail()).ifPresent(candidates::add);
        });
        candidates.removeIf(id -> !confirmations.madeWith(id, form.getPassword()));
        return candidates;
    }

    /**
     * Removes the application if it is pending and its log-in's e-mail not confirmed, in the caller's transaction: the
     * job's, or a new registration's with the same tax number or e-mail made with the same password (a typo's owner
     * registering again, {@link EmailConfirmationService#madeWith}). Only a pending one: the job removes a rejected
     * one too ({@link #EXPIRED_REMOVED}), when its links have expired.
     *
     * @return whether it was removed
     */
    boolean remove(long companyId) {
        return remove(companyId, Set.of(RegistrationStatus.PENDING));
    }

    private boolean remove(long companyId, Set<RegistrationStatus> statuses) {
        if (records.lock(companyId).filter(c -> statuses.contains(c.status())).isEmpty()
                || !confirmations.awaitingConfirmation(companyId)) {
            return false; // removed by another node meanwhile, decided, or confirmed
        }
        events.deleteByCompany(companyId);
        publisher.publishEvent(new UnconfirmedApplicationRemoved(companyId));
        confirmations.deleteNeverConfirmed(companyId);
        records.deleteNeverConfirmed(companyId);
        return true;
    }
}
