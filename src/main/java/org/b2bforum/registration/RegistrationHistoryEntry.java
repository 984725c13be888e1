package org.b2bforum.registration;

import java.time.Instant;

/**
 * An entry of a registration's audit trail.
 *
 * @param actorName   who acted: for an organizer as a company sees it, only the organizer's display name
 *                    (never a log-in e-mail)
 * @param forumOffice whether an organizer acted: shown as the forum office
 */
public record RegistrationHistoryEntry(RegistrationEventType type, String comment, String actorName,
        boolean forumOffice, Instant occurredAt) {
}
