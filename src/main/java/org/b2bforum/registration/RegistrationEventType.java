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
    APPROVAL_WITHDRAWN,
    /** An organizer confirmed the log-in e-mail on the company's word (a phone call), with the reason (review72). */
    EMAIL_CONFIRMED_BY_OFFICE,
    /** An organizer freed a rejected application's tax number for another application, with the reason (review74). */
    TAX_NUMBER_FREED,
    /** An approved company proposed a new name, country or tax number; the comment says what (mend53a). */
    IDENTITY_CHANGE_PROPOSED,
    /** The company took its proposal back. */
    IDENTITY_CHANGE_WITHDRAWN,
    /** An organizer accepted the proposal: the new values apply everywhere. */
    IDENTITY_CHANGE_ACCEPTED,
    /** An organizer declined the proposal, with the reason: the approved values stay. */
    IDENTITY_CHANGE_DECLINED;

    public String translationKey() {
        return "registration.event." + name();
    }
}
