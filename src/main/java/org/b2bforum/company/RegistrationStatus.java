package org.b2bforum.company;

/** Where a company's application stands. Only APPROVED companies take part in the forum. */
public enum RegistrationStatus {
    PENDING,
    APPROVED,
    REJECTED,
    CHANGES_REQUESTED;

    public String translationKey() {
        return "registration.status." + name();
    }
}
