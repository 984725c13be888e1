package org.b2bforum.meeting;

import java.time.Instant;

/** A slot in which both companies (and the chosen delegates) are free and a table is left. */
public record SlotOption(long slotId, String sessionName, String hallName, Instant startsAt, Instant endsAt,
        int freeTables) {
}
