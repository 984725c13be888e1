package org.b2bforum.badge;

/** A company to choose in the badge filter. */
public record CompanyOption(long id, String name) {
}
