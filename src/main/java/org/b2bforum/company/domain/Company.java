package org.b2bforum.company.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import jakarta.persistence.CascadeType;

import org.b2bforum.company.Country;
import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.company.Sector;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Company {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    private String fullName;
    private String shortName;
    private String city;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 2)
    private Country country;

    @JdbcTypeCode(SqlTypes.LONGVARCHAR)
    private String description;
    @JdbcTypeCode(SqlTypes.LONGVARCHAR)
    private String offers;
    @JdbcTypeCode(SqlTypes.LONGVARCHAR)
    private String seeks;

    private String website;
    private String taxNumber;
    /** The tax number while this application holds it: the database's, null once freed (V40's unique key). */
    @Column(insertable = false, updatable = false)
    private String heldTaxNumber;
    /** When the forum office freed the tax number of this rejected application for another (review74). */
    private Instant taxNumberFreedAt;
    private String contactPerson;
    private String email;
    private String phone;

    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "company_sector", joinColumns = @JoinColumn(name = "company_id"))
    @Column(name = "sector")
    @Enumerated(EnumType.STRING)
    private Set<Sector> sectors = EnumSet.noneOf(Sector.class);

    @BatchSize(size = 100)
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "company_id", nullable = false)
    @OrderBy("sortOrder")
    private List<Delegate> delegates = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    private RegistrationStatus status;
    private String statusComment;
    private Instant consentGivenAt;
    private Instant submittedAt;
    private Instant decidedAt;

    protected Company() {
    }

    public Company(Instant submittedAt, Instant consentGivenAt) {
        this.submittedAt = submittedAt;
        this.consentGivenAt = consentGivenAt;
        this.status = RegistrationStatus.PENDING;
    }

    public Long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getShortName() {
        return shortName;
    }

    public void setShortName(String shortName) {
        this.shortName = shortName;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public Country getCountry() {
        return country;
    }

    public void setCountry(Country country) {
        this.country = country;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOffers() {
        return offers;
    }

    public void setOffers(String offers) {
        this.offers = offers;
    }

    public String getSeeks() {
        return seeks;
    }

    public void setSeeks(String seeks) {
        this.seeks = seeks;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getTaxNumber() {
        return taxNumber;
    }

    public void setTaxNumber(String taxNumber) {
        this.taxNumber = taxNumber;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Set<Sector> getSectors() {
        return sectors;
    }

    public void setSectors(Set<Sector> sectors) {
        this.sectors.clear();
        this.sectors.addAll(sectors);
    }

    public List<Delegate> getDelegates() {
        return delegates;
    }

    /**
     * Sets the delegates in this order. A delegate is the same person as before when the e-mail is
     * the same, ignoring case (the form carries no ids): that row stays, with its id and so its
     * log-in, badge token, calendar link and meetings, and gets the new name, position, phone and
     * place in the list. New e-mails get new rows; the rows of e-mails no longer listed are removed,
     * so a person put in another's place never inherits anything of theirs. The caller releases
     * what refers to the removed rows first ({@link #delegatesLeaving}).
     */
    public void updateDelegates(List<Delegate> newDelegates) {
        List<Delegate> kept = matching(newDelegates);
        List<Delegate> updated = new ArrayList<>(newDelegates.size());
        for (int i = 0; i < newDelegates.size(); i++) {
            Delegate delegate = kept.get(i);
            if (delegate == null) {
                delegate = newDelegates.get(i);
            } else {
                delegate.copyFrom(newDelegates.get(i));
            }
            delegate.setSortOrder(i);
            updated.add(delegate);
        }
        delegates.clear();
        delegates.addAll(updated);
    }

    /** The delegates that {@link #updateDelegates} with this list would remove. */
    public List<Delegate> delegatesLeaving(List<Delegate> newDelegates) {
        List<Delegate> kept = matching(newDelegates);
        return delegates.stream().filter(d -> kept.stream().noneMatch(k -> k == d)).toList();
    }

    /** For each new delegate, the existing one with the same e-mail (each used once), or null. */
    private List<Delegate> matching(List<Delegate> newDelegates) {
        List<Delegate> unmatched = new ArrayList<>(delegates);
        List<Delegate> kept = new ArrayList<>(newDelegates.size());
        for (Delegate source : newDelegates) {
            Delegate same = unmatched.stream().filter(d -> d.isSamePersonAs(source)).findFirst().orElse(null);
            unmatched.remove(same);
            kept.add(same);
        }
        return kept;
    }

    public RegistrationStatus getStatus() {
        return status;
    }

    public String getStatusComment() {
        return statusComment;
    }

    public Instant getConsentGivenAt() {
        return consentGivenAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    /** An organizer's decision: approved, rejected or changes requested. */
    public void decide(RegistrationStatus decision, String comment, Instant at) {
        this.status = decision;
        this.statusComment = comment;
        this.decidedAt = at;
    }

    public Instant getTaxNumberFreedAt() {
        return taxNumberFreedAt;
    }

    /**
     * The forum office frees this application's tax number for another application (a rejected impostor's): the number
     * stays on this one as applied for.
     *
     * @return whether it was held until now
     */
    public boolean freeTaxNumber(Instant at) {
        if (taxNumberFreedAt != null) {
            return false;
        }
        taxNumberFreedAt = at;
        return true;
    }

    /**
     * The company sends its edited application back to the organizers. The organizers' last
     * comment has been answered; it stays in the audit trail.
     */
    public void resubmit(Instant at) {
        this.status = RegistrationStatus.PENDING;
        this.statusComment = null;
        this.submittedAt = at;
    }
}
