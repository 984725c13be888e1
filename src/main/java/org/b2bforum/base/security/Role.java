package org.b2bforum.base.security;

/** Account roles; Spring Security authorities are {@code ROLE_<name>}. */
public enum Role {
    ORGANIZER,
    COMPANY;

    public static final String ORGANIZER_NAME = "ORGANIZER";
    public static final String COMPANY_NAME = "COMPANY";
}
