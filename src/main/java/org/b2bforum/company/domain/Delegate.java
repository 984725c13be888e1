package org.b2bforum.company.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.b2bforum.company.BadgeRole;

/** A person of a company who comes to the forum and gets a badge. */
@Entity
public class Delegate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int sortOrder;
    private String fullName;
    private String position;
    private String email;
    private String phone;
    private String checkInToken;
    private boolean leadConsent;
    private Instant leadConsentAt;

    @Enumerated(EnumType.STRING)
    private BadgeRole badgeRole = BadgeRole.PARTICIPANT;

    protected Delegate() {
    }

    public Delegate(String fullName, String position, String email, String phone) {
        this.fullName = fullName;
        this.position = position;
        this.email = email;
        this.phone = phone;
    }

    void copyFrom(Delegate other) {
        this.fullName = other.fullName;
        this.position = other.position;
        this.email = other.email;
        this.phone = other.phone;
        setLeadConsent(other.leadConsent, other.leadConsentAt);
    }

    /** The fair-lead consent; the time it was given is kept while it stands, cleared when withdrawn. */
    public void setLeadConsent(boolean consent, Instant at) {
        if (consent && !this.leadConsent) {
            this.leadConsentAt = at;
        } else if (!consent) {
            this.leadConsentAt = null;
        }
        this.leadConsent = consent;
    }

    public boolean isLeadConsent() {
        return leadConsent;
    }

    /** Same person: the same e-mail, ignoring case. */
    boolean isSamePersonAs(Delegate other) {
        return email != null && email.equalsIgnoreCase(other.email);
    }

    public String getCheckInToken() {
        return checkInToken;
    }

    public BadgeRole getBadgeRole() {
        return badgeRole;
    }

    public void setBadgeRole(BadgeRole badgeRole) {
        this.badgeRole = badgeRole;
    }

    public Long getId() {
        return id;
    }

    int getSortOrder() {
        return sortOrder;
    }

    void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getFullName() {
        return fullName;
    }

    public String getPosition() {
        return position;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }
}
