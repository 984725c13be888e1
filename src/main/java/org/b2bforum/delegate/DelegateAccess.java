package org.b2bforum.delegate;

import java.time.Instant;

import org.b2bforum.company.BadgeRole;

/** One delegate of a company as its representative sees it: whether they have a log-in of their own. */
public record DelegateAccess(long delegateId, String fullName, String position, String email, BadgeRole badgeRole,
        Status status, Instant invitationExpiresAt) {

    public enum Status {
        /** No invitation yet. */
        NOT_INVITED,
        /** Invited; the link works until {@code invitationExpiresAt}. */
        INVITED,
        /** Invited, but the link has expired: invite again. */
        EXPIRED,
        /** The delegate has set a password and logs in. */
        ACTIVE
    }

    /** Whether the representative may send a (new) invitation. */
    public boolean invitable() {
        return status != Status.ACTIVE;
    }
}
