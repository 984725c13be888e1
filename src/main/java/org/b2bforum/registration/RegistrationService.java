package org.b2bforum.registration;

import static org.b2bforum.base.text.Texts.multiLine;
import static org.b2bforum.base.text.Texts.singleLine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.b2bforum.base.database.DatabaseFailures;
import org.b2bforum.base.i18n.Languages;
import org.b2bforum.base.security.AccountName;
import org.b2bforum.base.security.AccountService;
import org.b2bforum.base.security.CurrentUser;
import org.b2bforum.base.security.EmailConfirmationService;
import org.b2bforum.base.security.ForumUser;
import org.b2bforum.base.security.LoginThrottle;
import org.b2bforum.base.security.Role;
import org.b2bforum.company.CompanyApplications;
import org.b2bforum.company.CompanyApplications.Application;
import org.b2bforum.company.CompanyData;
import org.b2bforum.company.CompanyRecords;
import org.b2bforum.company.CompanyRecords.LockedCompany;
import org.b2bforum.company.Delegates;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.company.TaxNumbers;
import org.b2bforum.program.ProgramConflicts;
import org.b2bforum.registration.domain.RegistrationEvent;
import org.b2bforum.registration.domain.RegistrationEventRepository;
import org.b2bforum.venue.CheckedInDelegates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Company registration and its approval: a company applies (anonymously), organizers approve,
 * reject or ask for changes, the company edits and resubmits. Every step goes to the audit trail.
 */
@Service
public class RegistrationService {

    private static final int MAX_COMMENT = 2000;

    private final CompanyApplications applications;
    private final CompanyRecords records;
    private final RegistrationEventRepository events;
    private final AccountService accounts;
    private final Delegates delegates;
    private final ProgramConflicts meetings;
    private final CheckedInDelegates checkIns;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher publisher;
    private final LoginThrottle throttle;
    private final EmailConfirmationService confirmations;
    private final NeverConfirmedApplications neverConfirmed;
    private final IdentityChanges identityChanges;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RegistrationService(CompanyApplications applications, CompanyRecords records,
            RegistrationEventRepository events, AccountService accounts, Delegates delegates,
            ProgramConflicts meetings, CheckedInDelegates checkIns, CurrentUser currentUser,
            ApplicationEventPublisher publisher,
            LoginThrottle throttle, EmailConfirmationService confirmations, NeverConfirmedApplications neverConfirmed,
            IdentityChanges identityChanges, PlatformTransactionManager transactionManager, Clock clock) {
        this.applications = applications;
        this.records = records;
        this.events = events;
        this.accounts = accounts;
        this.delegates = delegates;
        this.meetings = meetings;
        this.checkIns = checkIns;
        this.currentUser = currentUser;
        this.publisher = publisher;
        this.throttle = throttle;
        this.confirmations = confirmations;
        this.neverConfirmed = neverConfirmed;
        this.identityChanges = identityChanges;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Registers a company with its delegates and its representative's log-in, PENDING approval.
     * All or nothing: on any fault nothing is saved.
     *
     * @return the new company's id
     * @throws InvalidRegistrationException with a message per faulty field
     */
    public long register(RegistrationForm form) {
        return register(form, Languages.RUSSIAN).companyId();
    }

    /**
     * As {@link #register(RegistrationForm)}, from a page in {@code language}: the link that confirms the log-in's
     * e-mail is e-mailed in that language first (when a mail server is configured; {@link EmailConfirmationService}).
     */
    public Registered register(RegistrationForm form, Locale language) {
        // An anonymous form: too many submissions from one address are refused for a while. Counted before the
        // transaction, in statements of their own: a refused form rolls its transaction back, the count must stay.
        throttle.formSubmittedByCurrentClient().ifPresent(wait -> {
            throw new InvalidRegistrationException(List.of(new FieldError("loginEmail", "form.too-many",
                    Long.toString(LoginThrottle.minutes(wait)))));
        });
        List<FieldError> errors = new ArrayList<>(RegistrationValidator.validate(form, RegistrationValidator.Mode.NEW));
        // compared before the transaction too: a wrong password counts as a failed log-in, which must stay (review72);
        // a form the validator refuses compares nothing
        Set<Long> givingWay = errors.isEmpty() ? neverConfirmed.givingWayTo(form) : Set.of();
        return transactions.execute(status -> registerCounted(form, errors, language, givingWay));
    }

    /** The form's own errors ({@code errors}, the validator's, read once per submission) and those of the database. */
    private Registered registerCounted(RegistrationForm form, List<FieldError> errors, Locale language,
            Set<Long> givingWay) {
        String taxNumber = TaxNumbers.normalize(form.getTaxNumber());
        if (errors.isEmpty()) { // an application nobody confirmed gives way to one from whoever made it (review70)
            givingWay.forEach(neverConfirmed::remove);
        }
        if (errors.stream().noneMatch(e -> e.field().equals("taxNumber"))
                && records.taxNumberTaken(form.getCountry(), taxNumber, null)) {
            errors.add(new FieldError("taxNumber", "validation.tax-number.taken"));
        }
        if (errors.stream().noneMatch(e -> e.field().equals("loginEmail"))
                && accounts.isEmailRegistered(form.getLoginEmail())) {
            errors.add(new FieldError("loginEmail", "validation.email.taken"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRegistrationException(errors);
        }
        Instant now = clock.instant();
        try {
            long companyId = records.create(ApplicationForms.data(form), now);
            long userId = accounts.createCompanyAccount(form.getLoginEmail(), form.getPassword(),
                    singleLine(form.getContactPerson()), companyId, false);
            events.saveAndFlush(new RegistrationEvent(companyId, RegistrationEventType.SUBMITTED, null, userId,
                    AccountService.normalizeEmail(form.getLoginEmail()), now));
            return new Registered(companyId, confirmations.askToConfirm(userId, form.getLoginEmail(), language));
        } catch (DataIntegrityViolationException e) {
            // Lost a race against a simultaneous registration with the same tax number or e-mail.
            throw new InvalidRegistrationException(List.of(duplicateError(e)));
        }
    }

    /** The approval queue, filtered, one page at a time. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public List<RegistrationSummary> queue(RegistrationFilter filter, Pageable pageable) {
        List<CompanyApplications.Queued> page = applications.queue(matching(filter), ordered(pageable));
        Set<Long> awaiting = confirmations.companiesAwaitingConfirmation(
                page.stream().map(CompanyApplications.Queued::id).toList());
        return page.stream().map(c -> summary(c, awaiting.contains(c.id()))).toList();
    }

    /**
     * The queue's order: the organizer's sort, else the earliest submitted first (the order "next application"
     * follows), with ties by id. Without an order the database's was whatever its plan gave, and with a sort by city
     * or status the rows of one value could come in another order on the next page: a company shown twice and another
     * never, and "next application" not the top row.
     */
    private static Pageable ordered(Pageable pageable) {
        Sort sort = (pageable.getSort().isSorted() ? pageable.getSort() : Sort.by("submittedAt")).and(Sort.by("id"));
        return pageable.isPaged() ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort)
                : Pageable.unpaged(sort);
    }

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public long count(RegistrationFilter filter) {
        return applications.count(matching(filter));
    }

    /**
     * The application to decide next: the earliest submitted one awaiting approval that the filter's city, sector and
     * text find, other than {@code companyId}; empty when none is left.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public Optional<RegistrationSummary> nextPending(RegistrationFilter filter, long companyId) {
        return nextPending(filter, Sort.unsorted(), companyId);
    }

    /**
     * The application to decide next in the organizer's order: the first one awaiting approval that the filter's
     * city, sector and text find, in the queue's sort ({@code order}; unsorted: earliest submitted first), other than
     * {@code companyId}: the row at the top of the queue when the organizer goes back to it. Empty when none is left.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional(readOnly = true)
    public Optional<RegistrationSummary> nextPending(RegistrationFilter filter, Sort order, long companyId) {
        RegistrationFilter pending = new RegistrationFilter(RegistrationStatus.PENDING, filter.city(), filter.sector(),
                filter.text());
        Sort sort = (order.isSorted() ? order : Sort.by("submittedAt")).and(Sort.by("id"));
        return applications.queue(matching(pending), PageRequest.of(0, 2, sort)).stream()
                .filter(c -> c.id() != companyId).findFirst()
                .map(c -> summary(c, confirmations.awaitingConfirmation(c.id())));
    }

    /** An application in full: any for organizers, only its own for a company. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public RegistrationDetails details(long companyId) {
        checkCanRead(companyId);
        return details(applications.application(companyId).orElseThrow(() -> new RegistrationStateException(
                "registration.error.not-found")));
    }

    /** The audit trail of an application: any for organizers, only its own for a company. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<RegistrationHistoryEntry> history(long companyId) {
        checkCanRead(companyId);
        boolean organizerAsks = currentUser.require().isOrganizer();
        List<RegistrationEvent> trail = events.findByCompanyIdOrderByOccurredAtAscIdAsc(companyId);
        Map<Long, AccountName> actors = accounts.names(trail.stream().map(RegistrationEvent::getActorId)
                .collect(Collectors.toSet()));
        return trail.stream().map(e -> {
            AccountName actor = actors.get(e.getActorId());
            boolean forumOffice = actor != null && actor.role() == Role.ORGANIZER;
            // Companies see the forum office, never an organizer's log-in e-mail.
            String name = forumOffice && !organizerAsks ? actor.displayName() : e.getActorName();
            return new RegistrationHistoryEntry(e.getType(), e.getComment(), name, forumOffice, e.getOccurredAt());
        }).toList();
    }

    /** The logged-in company's own application. */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public RegistrationDetails myRegistration() {
        return details(currentUser.requireCompanyId());
    }

    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void approve(long companyId) {
        decide(companyId, RegistrationStatus.APPROVED, null);
    }

    /** Rejects an application; the reason is required and shown to the company. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void reject(long companyId, String reason) {
        decide(companyId, RegistrationStatus.REJECTED, requiredComment(reason, "reason"));
    }

    /**
     * Withdraws the approval of an approved company: it is rejected with the reason (shown to it), and
     * its meetings ahead are cancelled and its partners told, as for any rejection.
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void withdrawApproval(long companyId, String reason) {
        String comment = requiredComment(reason, "reason");
        ForumUser organizer = currentUser.require();
        LockedCompany company = records.lock(companyId)
                .orElseThrow(() -> new RegistrationStateException("registration.error.not-found"));
        if (company.status() != RegistrationStatus.APPROVED) {
            throw new RegistrationStateException("registration.error.not-approved-now");
        }
        Instant now = clock.instant();
        records.decide(companyId, RegistrationStatus.REJECTED, comment, now);
        identityChanges.forget(companyId, comment, now);
        events.save(new RegistrationEvent(companyId, RegistrationEventType.APPROVAL_WITHDRAWN, comment,
                organizer.id(), organizer.email(), now));
        publisher.publishEvent(new RegistrationDecided(companyId, company.shortName(), RegistrationStatus.REJECTED,
                comment));
    }

    /**
     * Dates a pending application's submission, its consent and its SUBMITTED entry in the audit trail
     * back to when it arrived on paper or, in the demo forum, over the past weeks. Organizers only.
     *
     * @throws RegistrationStateException when there is no such company, it has been decided, or the
     *                                    date lies ahead
     */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void backdateSubmission(long companyId, Instant submittedAt) {
        LockedCompany company = records.lock(companyId)
                .orElseThrow(() -> new RegistrationStateException("registration.error.not-found"));
        if (company.status() != RegistrationStatus.PENDING) {
            throw new RegistrationStateException("registration.error.not-pending");
        }
        if (submittedAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("A submission cannot be dated ahead: " + submittedAt);
        }
        records.backdateSubmission(companyId, submittedAt);
        events.backdate(companyId, RegistrationEventType.SUBMITTED, submittedAt);
    }

    /** Sends an application back to its company with a comment saying what to change. */
    @PreAuthorize("hasRole('ORGANIZER')")
    @Transactional
    public void requestChanges(long companyId, String comment) {
        decide(companyId, RegistrationStatus.CHANGES_REQUESTED, requiredComment(comment, "comment"));
    }

    /**
     * The logged-in company's application as a form to edit (log-in fields left empty), with the name, country and tax
     * number it proposed while the office has them ({@link IdentityChanges}).
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional(readOnly = true)
    public RegistrationForm myApplicationForm() {
        long companyId = currentUser.requireCompanyId();
        return identityChanges.withProposal(companyId,
                ApplicationForms.form(applications.application(companyId).orElseThrow()));
    }

    /**
     * Saves the logged-in company's edited application and sends it back to the organizers
     * (PENDING). Allowed while it is pending or changes were requested. Delegates are edited as in
     * {@link #updateProfile}.
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public void resubmit(RegistrationForm form) {
        LockedCompany company = records.lock(currentUser.requireCompanyId()).orElseThrow();
        if (company.status() != RegistrationStatus.PENDING
                && company.status() != RegistrationStatus.CHANGES_REQUESTED) {
            throw new RegistrationStateException("registration.error.not-editable");
        }
        save(company.id(), form);
        Instant now = clock.instant();
        records.resubmit(company.id(), now);
        record(company.id(), RegistrationEventType.RESUBMITTED, now);
    }

    /**
     * Saves the logged-in approved company's profile. Edits apply at once, except a new name, country or tax number:
     * that is a proposal the forum office accepts or declines ({@link IdentityChanges}), and meanwhile the company
     * stays approved under its approved values (mend53a).
     * <p>
     * A delegate is the same person while the e-mail stays (ignoring case): they keep their log-in,
     * badge, calendar link and meetings. A delegate removed from the list, or put in someone else's
     * place (another e-mail), loses their log-in, calendar link, invitation, program sign-ups and
     * places in meeting requests, and their badge stops working. One in a confirmed meeting or
     * already checked in at the venue is not removed: the whole edit is refused with a message at
     * the delegates naming the meetings (or the people), and nothing is saved.
     *
     * @return whether a new name, country or tax number went to the office
     * @throws InvalidRegistrationException with a message per faulty field
     */
    @PreAuthorize("hasRole('COMPANY')")
    @Transactional
    public boolean updateProfile(RegistrationForm form) {
        LockedCompany company = records.lock(currentUser.requireCompanyId()).orElseThrow();
        if (company.status() != RegistrationStatus.APPROVED) {
            throw new RegistrationStateException("registration.error.not-approved");
        }
        Instant now = clock.instant();
        CompanyData data = validated(company.id(), form);
        store(company.id(), identityChanges.settle(company, data, form.getProposalShown(), now));
        record(company.id(), RegistrationEventType.PROFILE_UPDATED, now);
        return IdentityChanges.differs(company, data);
    }

    private void save(long companyId, RegistrationForm form) {
        store(companyId, validated(companyId, form));
    }

    /** The form as company stores it, checked (a new tax number's too): else a message per faulty field. */
    private CompanyData validated(long companyId, RegistrationForm form) {
        List<FieldError> errors = new ArrayList<>(RegistrationValidator.validate(form, RegistrationValidator.Mode.EDIT));
        if (errors.stream().noneMatch(e -> e.field().equals("taxNumber")) && records.taxNumberTaken(
                form.getCountry(), TaxNumbers.normalize(form.getTaxNumber()), companyId)) {
            errors.add(new FieldError("taxNumber", "validation.tax-number.taken"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRegistrationException(errors);
        }
        return ApplicationForms.data(form);
    }

    private void store(long companyId, CompanyData data) {
        List<Long> leaving = records.delegatesLeaving(companyId, data.delegates());
        refuseRemovingDelegatesOnRecord(leaving);
        delegates.release(leaving);
        try {
            records.update(companyId, data, clock.instant());
        } catch (DataIntegrityViolationException e) {
            throw new InvalidRegistrationException(List.of(duplicateError(e)));
        }
    }

    /**
     * A delegate who is in a confirmed meeting, or has been checked in at the venue, stays: the
     * other company counts on them and the organizers' figures include them. The company cancels the
     * meeting first (or keeps the delegate); the form says which meetings, next to the delegates.
     * Program sign-ups and meeting requests do not hold a delegate back: they are dropped with them.
     */
    private void refuseRemovingDelegatesOnRecord(List<Long> leaving) {
        List<String> confirmed = meetings.confirmedMeetingsOfDelegates(leaving);
        if (!confirmed.isEmpty()) {
            throw new InvalidRegistrationException(List.of(
                    new FieldError("delegates", "validation.delegates.in-meetings", String.join("; ", confirmed))));
        }
        List<String> checkedIn = checkIns.names(leaving);
        if (!checkedIn.isEmpty()) {
            throw new InvalidRegistrationException(List.of(
                    new FieldError("delegates", "validation.delegates.checked-in", String.join(", ", checkedIn))));
        }
    }

    private void record(long companyId, RegistrationEventType type, Instant at) {
        ForumUser user = currentUser.require();
        events.save(new RegistrationEvent(companyId, type, null, user.id(), user.email(), at));
    }

    private void decide(long companyId, RegistrationStatus decision, String comment) {
        ForumUser organizer = currentUser.require();
        LockedCompany company = records.lock(companyId)
                .orElseThrow(() -> new RegistrationStateException("registration.error.not-found"));
        if (company.status() != RegistrationStatus.PENDING) {
            throw new RegistrationStateException("registration.error.not-pending");
        }
        // an address nobody proved gets no log-in to the forum and no request to write back; a rejection it may get
        if (decision != RegistrationStatus.REJECTED && confirmations.awaitingConfirmation(companyId)) {
            throw new RegistrationStateException("registration.error.email-not-confirmed");
        }
        Instant now = clock.instant();
        records.decide(companyId, decision, comment, now);
        events.save(new RegistrationEvent(companyId, RegistrationEventType.valueOf(decision.name()), comment,
                organizer.id(), organizer.email(), now));
        publisher.publishEvent(new RegistrationDecided(companyId, company.shortName(), decision, comment));
    }

    private void checkCanRead(long companyId) {
        ForumUser user = currentUser.require();
        if (!user.isOrganizer() && (user.companyId() == null || user.companyId() != companyId)) {
            throw new AccessDeniedException("Not your company");
        }
    }

    static String requiredComment(String comment, String field) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidRegistrationException(List.of(new FieldError(field, "validation.required")));
        }
        String text = multiLine(comment);
        if (text.isEmpty()) {
            throw new InvalidRegistrationException(List.of(new FieldError(field, "validation.required")));
        }
        if (text.length() > MAX_COMMENT) {
            throw new InvalidRegistrationException(List.of(new FieldError(field, "validation.too-long")));
        }
        return text;
    }

    /**
     * The field a simultaneous registration took meanwhile: the tax number's or the log-in e-mail's unique key. Any
     * other integrity failure is not the applicant's to fix and is not passed off as one of these: it is thrown on.
     */
    private static FieldError duplicateError(DataIntegrityViolationException e) {
        if (DatabaseFailures.isDuplicateOf(e, "uk_company_tax_number")) {
            return new FieldError("taxNumber", "validation.tax-number.taken");
        }
        if (AccountService.isEmailTaken(e)) {
            return new FieldError("loginEmail", "validation.email.taken");
        }
        throw e;
    }

    private static CompanyApplications.Filter matching(RegistrationFilter filter) {
        return new CompanyApplications.Filter(filter.status(), filter.city(), filter.sector(), filter.text());
    }

    private static RegistrationSummary summary(CompanyApplications.Queued c, boolean awaitingEmailConfirmation) {
        return new RegistrationSummary(c.id(), c.shortName(), c.fullName(), c.city(), c.country(), c.sectors(),
                c.status(), c.submittedAt(), awaitingEmailConfirmation);
    }

    private RegistrationDetails details(Application c) {
        return new RegistrationDetails(c.id(), c.fullName(), c.shortName(), c.city(), c.country(), c.sectors(),
                c.description(), c.offers(), c.seeks(), c.website(), c.taxNumber(), c.contactPerson(), c.email(),
                c.phone(), c.delegates().stream().map(d -> new RegistrationDetails.DelegateDetails(d.fullName(),
                        d.position(), d.email(), d.phone())).toList(),
                c.status(), c.statusComment(), c.consentGivenAt(), c.submittedAt(), c.decidedAt(),
                confirmations.awaitingConfirmation(c.id()), c.taxNumberFreedAt());
    }
}
