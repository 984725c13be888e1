package org.b2bforum.registration;

/** Entries of a registration's audit trail. */
public enum RegistrationEventType {
    SUBMITTED,
    RESUBMITTED,
    APPROVED,
    REJECTED,
    CHANGES_REQUESTED,
    PROFILE_UPDATED,
    /** An organizer withdrew an approval: the company is rejected and its meetings ahead cancelled. */
    APPROVAL_WITHDRAWN;

    public String translationKey() {
        return "registration.event." + name();
    }
}
