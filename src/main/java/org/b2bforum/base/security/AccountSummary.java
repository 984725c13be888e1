package org.b2bforum.base.security;

import java.time.Instant;

/** A log-in as organizers see it in the list of accounts; {@code company} is its company's name, or null. */
public record AccountSummary(long id, String email, String displayName, Role role, boolean enabled, boolean demo,
        Instant createdAt, String company) {
}
