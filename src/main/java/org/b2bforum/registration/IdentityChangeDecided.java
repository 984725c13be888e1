package org.b2bforum.registration;

/**
 * Published when the forum office accepts or declines a company's new name, country or tax number, inside the deciding
 * transaction. {@code comment}: what changed when accepted, the office's reason when declined.
 */
public record IdentityChangeDecided(long companyId, String companyName, boolean accepted, String comment) {
}
