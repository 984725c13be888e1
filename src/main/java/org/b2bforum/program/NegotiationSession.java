package org.b2bforum.program;

import java.time.Instant;
import java.util.Locale;

import org.b2bforum.base.i18n.Bilingual;

/** A block of negotiation slots in one hall; the hall's and its own name in Russian and, if given, in English. */
public record NegotiationSession(long id, long dayId, long hallId, String hallName, String hallNameEn, String name,
        String nameEn, Instant startsAt, Instant endsAt, int slotMinutes, int pauseMinutes, int slotCount) {

    public String hallName(Locale locale) {
        return new Bilingual(hallName, hallNameEn).in(locale);
    }

    public String name(Locale locale) {
        return new Bilingual(name, nameEn).in(locale);
    }
}
