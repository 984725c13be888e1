package org.b2bforum.registration;

/** Entries of a registration's audit trail. */
public enum RegistrationEventType {
    SUBMITTED,
    RESUBMITTED,
    APPROVED,
    REJECTED,
    CHANGES_REQUESTED,
    PROFILE_UPDATED;

    public String translationKey() {
        return "registration.event." + name();
    }
}
