package org.b2bforum.program;

import java.time.Instant;

/** A plenary, round table or presentation; its attendees have no meetings while it runs. */
public record ProgramItem(long id, long dayId, ProgramItemKind kind, String title, String place, Instant startsAt,
        Instant endsAt, int attendeeCount) {
}
