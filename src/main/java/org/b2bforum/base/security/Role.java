package org.b2bforum.base.security;

/** Account roles; Spring Security authorities are {@code ROLE_<name>}. */
public enum Role {
    /** Runs the forum: approvals, program, schedule, badges. */
    ORGANIZER,
    /** The representative of one company: acts for the company. */
    COMPANY,
    /** One delegate of a company: sees their own badge and schedule, the company's agenda read-only. */
    DELEGATE,
    /** Venue staff: check-in at the door, meetings held or no-show at the tables. */
    STAFF;

    public static final String ORGANIZER_NAME = "ORGANIZER";
    public static final String COMPANY_NAME = "COMPANY";
    public static final String DELEGATE_NAME = "DELEGATE";
    public static final String STAFF_NAME = "STAFF";
}
