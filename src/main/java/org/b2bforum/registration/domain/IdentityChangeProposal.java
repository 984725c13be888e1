package org.b2bforum.registration.domain;

import java.time.Instant;

import org.b2bforum.company.Country;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/**
 * A new name, country or tax number an approved company proposed, awaiting the forum office (V48, mend53a). One per
 * company: a later proposal replaces it.
 */
@Entity
public class IdentityChangeProposal {

    @Id
    private Long companyId;
    private String fullName;
    private String shortName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 2)
    private Country country;

    private String taxNumber;
    private Instant proposedAt;

    protected IdentityChangeProposal() {
    }

    public IdentityChangeProposal(long companyId, String fullName, String shortName, Country country,
            String taxNumber, Instant proposedAt) {
        this.companyId = companyId;
        this.fullName = fullName;
        this.shortName = shortName;
        this.country = country;
        this.taxNumber = taxNumber;
        this.proposedAt = proposedAt;
    }

    public long getCompanyId() {
        return companyId;
    }

    public String getFullName() {
        return fullName;
    }

    public String getShortName() {
        return shortName;
    }

    public Country getCountry() {
        return country;
    }

    public String getTaxNumber() {
        return taxNumber;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }
}
