package org.b2bforum.company;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.b2bforum.base.security.RecentSessionChecks;
import org.b2bforum.company.domain.Company;
import org.b2bforum.company.domain.CompanyRepository;
import org.b2bforum.company.domain.CompanySearchIndex;
import org.b2bforum.company.domain.Delegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of companies' rows (company, its sectors and delegates, its search row) for the
 * registration and its approval: registration decides what happens and keeps the audit trail, this
 * stores it. Every command is part of the caller's transaction (it refuses to run without one), so a
 * registration step stays all or nothing. Not reachable from a view: the caller checks who is
 * asking. A key the database refuses (a tax number taken meanwhile) comes back as Spring's
 * {@code DataIntegrityViolationException}.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class CompanyRecords {

    private final CompanyRepository companies;
    private final CompanySearchIndex searchIndex;
    private final CompanyCards cards;
    private final RecentSessionChecks recentChecks;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    CompanyRecords(CompanyRepository companies, CompanySearchIndex searchIndex, CompanyCards cards,
            RecentSessionChecks recentChecks, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.recentChecks = recentChecks;
        this.events = events;
        this.companies = companies;
        this.jdbc = jdbc;
        this.searchIndex = searchIndex;
        this.cards = cards;
    }

    /** What a registration step checks of a company, read with its row locked until the caller's commit. */
    public record LockedCompany(long id, String fullName, String shortName, Country country, String taxNumber,
            RegistrationStatus status) {
    }

    /** Stores a new company, PENDING approval, applied for and consented at {@code at}; returns its id. */
    public long create(CompanyData data, Instant at) {
        Company company = new Company(at, at);
        copy(data, company, at);
        companies.saveAndFlush(company);
        searchIndex.index(company);
        cards.changed(company.getId());
        return company.getId();
    }

    /** Locks the company's row; empty when there is no such company. */
    public Optional<LockedCompany> lock(long companyId) {
        return companies.findForUpdate(companyId).map(c -> new LockedCompany(c.getId(), c.getFullName(),
                c.getShortName(), c.getCountry(), c.getTaxNumber(), c.getStatus()));
    }

    /** Whether another company of the country holds this tax number (one the office freed holds none). */
    public boolean taxNumberTaken(Country country, String taxNumber, Long exceptCompanyId) {
        return exceptCompanyId == null ? companies.existsByCountryAndHeldTaxNumber(country, taxNumber)
                : companies.existsByCountryAndHeldTaxNumberAndIdNot(country, taxNumber, exceptCompanyId);
    }

    /** The company of the country that holds this tax number, if any. */
    public Optional<Long> withTaxNumber(Country country, String taxNumber) {
        return companies.findByCountryAndHeldTaxNumber(country, taxNumber).map(Company::getId);
    }

    /**
     * Frees the locked company's tax number for another application: the caller has checked that it is a rejected one
     * and keeps why (registration's trail).
     *
     * @return whether the company held it until now
     */
    public boolean freeTaxNumber(long companyId, Instant at) {
        return company(companyId).freeTaxNumber(at);
    }

    /**
     * The ids of the company's delegates that {@link #update} with this list would remove (matched
     * by e-mail): the caller releases what refers to them first ({@link Delegates#release}).
     */
    public List<Long> delegatesLeaving(long companyId, List<CompanyData.DelegateData> delegates) {
        return company(companyId).delegatesLeaving(delegatesOf(delegates, Instant.EPOCH)).stream()
                .map(Delegate::getId).toList();
    }

    /**
     * Stores the company's edited application; a delegate keeps their row (log-in, badge, meetings)
     * while their e-mail stays, and a changed lead consent is dated {@code at}.
     */
    public void update(long companyId, CompanyData data, Instant at) {
        Company company = company(companyId);
        copy(data, company, at);
        companies.saveAndFlush(company);
        searchIndex.index(company);
        cards.changed(companyId);
    }

    /** An organizer's decision: approved, rejected or changes requested. */
    public void decide(long companyId, RegistrationStatus decision, String comment, Instant at) {
        Company company = company(companyId);
        RegistrationStatus before = company.getStatus();
        company.decide(decision, comment, at);
        approvalChanged(companyId, before, decision);
        ForumAccess.forgetInThisRequest(companyId);
        // the session checks of this node kept the status it had: its log-ins' next requests read it
        recentChecks.changed();
        cards.changed(companyId);
    }

    /**
     * Dates the company's submission and consent to {@code at}. One statement, which leaves the row's
     * version as it is: only the dates of the application change, not what was applied for.
     */
    public void backdateSubmission(long companyId, Instant at) {
        if (companies.backdateSubmission(companyId, at) != 1) {
            throw new CompanyNotFoundException(companyId);
        }
    }

    /** The company sends its application back to the organizers: PENDING again. */
    public void resubmit(long companyId, Instant at) {
        Company company = company(companyId);
        RegistrationStatus before = company.getStatus();
        company.resubmit(at);
        approvalChanged(companyId, before, company.getStatus());
        ForumAccess.forgetInThisRequest(companyId);
        recentChecks.changed();
        cards.changed(companyId);
    }

    /**
     * Deletes a pending application that never got further than its form (its log-in's e-mail never confirmed): the
     * company, its sectors, delegates and search row. The caller has deleted what refers to it (its audit trail, its
     * log-ins) and locked it; such a company has no meetings, stands or messages, being never approved.
     */
    public void deleteNeverConfirmed(long companyId) {
        jdbc.update("delete from company_search where company_id = ?", companyId);
        // a company awaiting approval may have put up its logo already
        jdbc.update("delete from company_logo where company_id = ?", companyId);
        companies.delete(company(companyId));
        companies.flush();
        ForumAccess.forgetInThisRequest(companyId);
        // its log-ins are gone with it: a check this node kept for one of them is not taken again
        recentChecks.changed();
        cards.changed(companyId);
    }

    private void approvalChanged(long companyId, RegistrationStatus before, RegistrationStatus after) {
        boolean approved = after == RegistrationStatus.APPROVED;
        if ((before == RegistrationStatus.APPROVED) != approved) {
            events.publishEvent(new ApprovalChanged(companyId, approved));
        }
    }

    private Company company(long companyId) {
        return companies.findById(companyId).orElseThrow(() -> new CompanyNotFoundException(companyId));
    }

    private static void copy(CompanyData data, Company company, Instant at) {
        company.setFullName(data.fullName());
        company.setShortName(data.shortName());
        company.setCity(data.city());
        company.setCountry(data.country());
        company.setSectors(data.sectors());
        company.setDescription(data.description());
        company.setOffers(data.offers());
        company.setSeeks(data.seeks());
        company.setWebsite(data.website());
        company.setTaxNumber(data.taxNumber());
        company.setContactPerson(data.contactPerson());
        company.setEmail(data.email());
        company.setPhone(data.phone());
        company.updateDelegates(delegatesOf(data.delegates(), at));
    }

    private static List<Delegate> delegatesOf(List<CompanyData.DelegateData> delegates, Instant at) {
        return delegates.stream().map(d -> {
            Delegate delegate = new Delegate(d.fullName(), d.position(), d.email(), d.phone());
            delegate.setLeadConsent(d.leadConsent(), at);
            return delegate;
        }).toList();
    }
}
