package org.b2bforum.company;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.criteria.Predicate;

import org.b2bforum.base.text.Texts;
import org.b2bforum.company.domain.Company;
import org.b2bforum.company.domain.CompanyRepository;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read model of companies as applications, for registration: the approval queue and a whole
 * application (its review, and the form a company edits). Only reads; companies' rows change through
 * {@link CompanyRecords}. Part of the caller's transaction, which must exist; not reachable from a
 * view: the caller checks who is asking.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
public class CompanyApplications {

    /**
     * Filters of the approval queue; a null value does not filter. {@code text} finds a part of the short or full
     * name, the tax number or the company's e-mail, in any letter case.
     */
    public record Filter(RegistrationStatus status, String city, Sector sector, String text) {

        public Filter(RegistrationStatus status, String city, Sector sector) {
            this(status, city, sector, null);
        }
    }

    /** A row of the approval queue. */
    public record Queued(long id, String shortName, String fullName, String city, Country country,
            Set<Sector> sectors, RegistrationStatus status, Instant submittedAt) {
    }

    /** A whole application with its delegates, as stored. */
    public record Application(long id, String fullName, String shortName, String city, Country country,
            Set<Sector> sectors, String description, String offers, String seeks, String website,
            String taxNumber, String contactPerson, String email, String phone, List<Person> delegates,
            RegistrationStatus status, String statusComment, Instant consentGivenAt, Instant submittedAt,
            Instant decidedAt, Instant taxNumberFreedAt) {
    }

    /** A delegate of an application, in the company's order. */
    public record Person(String fullName, String position, String email, String phone, boolean leadConsent) {
    }

    private final CompanyRepository companies;

    CompanyApplications(CompanyRepository companies) {
        this.companies = companies;
    }

    /** One page of the companies matching the filter, in the pageable's order. */
    public List<Queued> queue(Filter filter, Pageable pageable) {
        return companies.findAll(matching(filter), pageable).stream().map(CompanyApplications::queued).toList();
    }

    /** How many companies match the filter. */
    public long count(Filter filter) {
        return companies.count(matching(filter));
    }

    /** The company's application; empty when there is no such company. */
    public Optional<Application> application(long companyId) {
        return companies.findById(companyId).map(CompanyApplications::application);
    }

    private static Specification<Company> matching(Filter filter) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (filter.status() != null) {
                predicates.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.city() != null && !filter.city().isBlank()) {
                predicates.add(cb.equal(cb.lower(root.get("city")), filter.city().trim().toLowerCase(Locale.ROOT)));
            }
            if (filter.sector() != null) {
                predicates.add(cb.isMember(filter.sector(), root.get("sectors")));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                String pattern = Texts.likeContaining(filter.text().toLowerCase(Locale.ROOT));
                predicates.add(cb.or(Stream.of("shortName", "fullName", "taxNumber", "email")
                        .map(field -> cb.like(cb.lower(root.get(field)), pattern, '\\'))
                        .toArray(Predicate[]::new)));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static Queued queued(Company c) {
        return new Queued(c.getId(), c.getShortName(), c.getFullName(), c.getCity(), c.getCountry(),
                Set.copyOf(c.getSectors()), c.getStatus(), c.getSubmittedAt());
    }

    private static Application application(Company c) {
        return new Application(c.getId(), c.getFullName(), c.getShortName(), c.getCity(), c.getCountry(),
                Set.copyOf(c.getSectors()), c.getDescription(), c.getOffers(), c.getSeeks(), c.getWebsite(),
                c.getTaxNumber(), c.getContactPerson(), c.getEmail(), c.getPhone(),
                c.getDelegates().stream().map(d -> new Person(d.getFullName(), d.getPosition(), d.getEmail(),
                        d.getPhone(), d.isLeadConsent())).toList(),
                c.getStatus(), c.getStatusComment(), c.getConsentGivenAt(), c.getSubmittedAt(), c.getDecidedAt(),
                c.getTaxNumberFreedAt());
    }
}
