package org.b2bforum.program;

import java.time.Instant;

/** One negotiation slot of a session. */
public record Slot(long id, long sessionId, String sessionName, long hallId, String hallName, Instant startsAt,
        Instant endsAt) {
}
