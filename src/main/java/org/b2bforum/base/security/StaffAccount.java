package org.b2bforum.base.security;

import java.time.Instant;

/** A venue staff log-in as organizers see it in their list. */
public record StaffAccount(long id, String email, String displayName, boolean enabled, Instant createdAt) {
}
