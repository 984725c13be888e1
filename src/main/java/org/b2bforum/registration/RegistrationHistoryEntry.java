package org.b2bforum.registration;

import java.time.Instant;

/** An entry of a registration's audit trail. */
public record RegistrationHistoryEntry(RegistrationEventType type, String comment, String actorName,
        Instant occurredAt) {
}
