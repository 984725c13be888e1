package org.b2bforum.program;

import java.time.Instant;

/** A block of negotiation slots in one hall. */
public record NegotiationSession(long id, long dayId, long hallId, String hallName, String name, Instant startsAt,
        Instant endsAt, int slotMinutes, int pauseMinutes, int slotCount) {
}
