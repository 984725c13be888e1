package org.b2bforum.base.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;
    private String passwordHash;
    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    private Long companyId;
    private Long delegateId;
    private boolean demo;
    private boolean enabled = true;
    private int sessionEpoch;
    private Instant createdAt;

    protected UserAccount() {
    }

    UserAccount(String email, String passwordHash, String displayName, Role role, Long companyId, boolean demo,
            Instant createdAt) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.companyId = companyId;
        this.demo = demo;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    Role getRole() {
        return role;
    }

    Long getCompanyId() {
        return companyId;
    }

    Long getDelegateId() {
        return delegateId;
    }

    void setDelegateId(Long delegateId) {
        this.delegateId = delegateId;
    }

    boolean isDemo() {
        return demo;
    }

    void markDemo() {
        this.demo = true;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        if (this.enabled && !enabled) {
            endSessions();
        }
        this.enabled = enabled;
    }

    int getSessionEpoch() {
        return sessionEpoch;
    }

    /** Every session that logged in before ends on its next request. */
    void endSessions() {
        sessionEpoch++;
    }

    /** Sets a new password (hashed by the caller); every session that logged in before ends. */
    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        endSessions();
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
