package org.b2bforum.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.b2bforum.base.database.DatabaseFailures;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.company.CompanyApplications;
import org.b2bforum.company.CompanyData;
import org.b2bforum.company.CompanyRecords;
import org.b2bforum.company.CompanyRecords.LockedCompany;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.registration.IdentityProposal.Identity;
import org.b2bforum.registration.domain.IdentityChangeProposal;
import org.b2bforum.registration.domain.IdentityChangeProposalRepository;
import org.b2bforum.registration.domain.RegistrationEvent;
import org.b2bforum.registration.domain.RegistrationEventRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new name, country or tax number of an approved company (mend53a): what the company enters in its profile is a
 * proposal the forum office accepts or declines, and meanwhile the company stays approved with the approved values on
 * every page (directory, meetings, badges, reports): a typo corrected on the forum day no longer locks its delegation
 * out at the door. A company proposes and withdraws only for itself; only organizers decide. Each step goes to the
 * application's audit trail; the company is told of the decision ({@link IdentityChangeDecided}).
 */
@Service
public class IdentityChanges {

    private final IdentityChangeProposalRepository proposals;
    private final CompanyRecords records;
    private final CompanyApplications applications;
    private final RegistrationEventRepository events;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    IdentityChanges(IdentityChangeProposalRepository proposals, CompanyRecords records, CompanyApplications applications,
            RegistrationEventRepository events, CurrentUser currentUser, ApplicationEventPublisher publisher,
            Clock clock) {
        this.proposals = proposals;
        this.records = records;
        this.applications = applications;
        this.events = events;
        this.currentUser = currentUser;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The logged-in company's proposal awaiting the office, if any. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public Optional<IdentityProposal> mine() {
        return proposal(currentUser.requireCompanyId());
    }

    /** The logged-in company takes its proposal back: the approved values stay. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public void withdraw() {
        long companyId = currentUser.requireCompanyId();
        records.lock(companyId).orElseThrow();
        if (proposals.deleteByCompany(companyId) == 0) {
            throw new RegistrationStateException("identity-change.error.none");
        }
        record(companyId, RegistrationEventType.IDENTITY_CHANGE_WITHDRAWN, null, clock.instant());
    }

    /** The proposals awaiting the office, the earliest first. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<IdentityProposal> pending() {
        return proposals.findAllByOrderByProposedAtAscCompanyIdAsc().stream().map(this::withApproved).toList();
    }

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public long count() {
        return proposals.count();
    }

    /**
     * Called when the office withdraws the company's approval (the company locked): its proposal has nothing left to
     * decide. Only an approved company proposes, and an approved company leaves that state by a withdrawal alone, so
     * every proposal kept is an approved company's. The trail says so (mend53d): declined, with the withdrawal's reason;
     * the company is told of the withdrawal alone.
     */
    void forget(long companyId, String reason, Instant at) {
        if (proposals.deleteByCompany(companyId) > 0) {
            record(companyId, RegistrationEventType.IDENTITY_CHANGE_DECLINED, reason, at);
        }
    }

    /** The company's proposal awaiting the office, if any. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public Optional<IdentityProposal> of(long companyId) {
        return proposal(companyId);
    }

    /**
     * Applies the proposal the office saw ({@code seen}, its {@link IdentityProposal#proposedAt()}): the new values
     * everywhere. One the company made again meanwhile is refused, nothing changed (mend53d). The tax number is
     * checked again, as at registration: another company may have registered it since.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void accept(long companyId, Instant seen) {
        lockedApproved(companyId);
        IdentityProposal proposal = proposal(companyId).map(p -> sameAs(p.proposedAt(), seen, p))
                .orElseThrow(() -> new RegistrationStateException("identity-change.error.none"));
        Identity to = proposal.proposed();
        if (records.taxNumberTaken(to.country(), to.taxNumber(), companyId)) {
            throw new RegistrationStateException("identity-change.error.tax-number-taken");
        }
        CompanyData now = ApplicationForms.data(ApplicationForms.form(applications.application(companyId).orElseThrow()));
        Instant at = clock.instant();
        try {
            records.update(companyId, ApplicationForms.withIdentity(now, to), at);
        } catch (DataIntegrityViolationException e) {
            if (DatabaseFailures.isDuplicateOf(e, "uk_company_tax_number")) {
                throw new RegistrationStateException("identity-change.error.tax-number-taken");
            }
            throw e;
        }
        proposals.deleteByCompany(companyId);
        record(companyId, RegistrationEventType.IDENTITY_CHANGE_ACCEPTED, proposal.changes(), at);
        publisher.publishEvent(new IdentityChangeDecided(companyId, to.shortName(), true, proposal.changes()));
    }

    /**
     * Declines the proposal the office saw ({@code seen}, as in {@link #accept}) with a reason (shown to the company):
     * the approved values stay.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void decline(long companyId, Instant seen, String reason) {
        String comment = RegistrationService.requiredComment(reason, "reason");
        LockedCompany company = records.lock(companyId)
                .orElseThrow(() -> new RegistrationStateException("registration.error.not-found"));
        proposals.findById(companyId).map(p -> sameAs(p.getProposedAt(), seen, p))
                .orElseThrow(() -> new RegistrationStateException("identity-change.error.none"));
        proposals.deleteByCompany(companyId);
        record(companyId, RegistrationEventType.IDENTITY_CHANGE_DECLINED, comment, clock.instant());
        publisher.publishEvent(new IdentityChangeDecided(companyId, company.shortName(), false, comment));
    }

    /** Whether {@code data} names the company otherwise than its approved values. */
    static boolean differs(LockedCompany company, CompanyData data) {
        return !company.fullName().equals(data.fullName()) || !company.shortName().equals(data.shortName())
                || company.country() != data.country() || !company.taxNumber().equals(data.taxNumber());
    }

    /**
     * Called in the profile's save, the company locked and {@code data} validated: a new name, country or tax number
     * is kept as the company's proposal (in place of one it made before), the approved ones written back (as the
     * profile's form shows the proposal, one saved with the approved values again takes the proposal back). Returns
     * {@code data} with the approved values, which the profile stores.
     */
    CompanyData settle(LockedCompany company, CompanyData data, Instant shown, Instant at) {
        Optional<IdentityChangeProposal> pending = proposals.findById(company.id());
        // decided, withdrawn or made again elsewhere since the form was loaded: not re-sent (or dropped) unseen
        if (!Objects.equals(pending.map(IdentityChangeProposal::getProposedAt).orElse(null), shown)
                && (pending.isPresent() || differs(company, data))) {
            throw new RegistrationStateException("identity-change.error.form-outdated");
        }
        if (!differs(company, data)) {
            if (pending.isPresent()) {
                proposals.deleteByCompany(company.id());
                record(company.id(), RegistrationEventType.IDENTITY_CHANGE_WITHDRAWN, null, at);
            }
            return data;
        }
        Identity approved = new Identity(company.fullName(), company.shortName(), company.country(),
                company.taxNumber());
        Identity proposed = new Identity(data.fullName(), data.shortName(), data.country(), data.taxNumber());
        // the same proposal saved again with other edits: nothing new for the office
        if (pending.map(IdentityChanges::identity).filter(proposed::equals).isEmpty()) {
            proposals.save(new IdentityChangeProposal(company.id(), proposed.fullName(), proposed.shortName(),
                    proposed.country(), proposed.taxNumber(), at));
            record(company.id(), RegistrationEventType.IDENTITY_CHANGE_PROPOSED,
                    new IdentityProposal(company.id(), approved, proposed, at).changes(), at);
        }
        return ApplicationForms.withIdentity(data, approved);
    }

    /** The company's form to edit: with the name, country and tax number it proposed, while the office has them. */
    RegistrationForm withProposal(long companyId, RegistrationForm form) {
        proposals.findById(companyId).ifPresent(p -> {
            form.setFullName(p.getFullName());
            form.setShortName(p.getShortName());
            form.setCountry(p.getCountry());
            form.setTaxNumber(p.getTaxNumber());
            form.setProposalShown(p.getProposedAt());
        });
        return form;
    }

    private Optional<IdentityProposal> proposal(long companyId) {
        return proposals.findById(companyId).map(this::withApproved);
    }

    /** The proposal beside the company's approved values (a handful of proposals at a time: one read each). */
    private IdentityProposal withApproved(IdentityChangeProposal p) {
        CompanyApplications.Application company = applications.application(p.getCompanyId()).orElseThrow();
        return new IdentityProposal(p.getCompanyId(), new Identity(company.fullName(), company.shortName(),
                company.country(), company.taxNumber()), identity(p), p.getProposedAt());
    }

    private static Identity identity(IdentityChangeProposal p) {
        return new Identity(p.getFullName(), p.getShortName(), p.getCountry(), p.getTaxNumber());
    }

    /** {@code proposal}, when it is the one the office saw; refused when the company proposed again since. */
    private static <P> P sameAs(Instant proposedAt, Instant seen, P proposal) {
        if (!proposedAt.equals(seen)) {
            throw new RegistrationStateException("identity-change.error.changed");
        }
        return proposal;
    }

    private void lockedApproved(long companyId) {
        LockedCompany company = records.lock(companyId)
                .orElseThrow(() -> new RegistrationStateException("registration.error.not-found"));
        if (company.status() != RegistrationStatus.APPROVED) {
            throw new RegistrationStateException("registration.error.not-approved-now");
        }
    }

    private void record(long companyId, RegistrationEventType type, String comment, Instant at) {
        ForumUser user = currentUser.require();
        events.save(new RegistrationEvent(companyId, type, comment, user.id(), user.email(), at));
    }
}
