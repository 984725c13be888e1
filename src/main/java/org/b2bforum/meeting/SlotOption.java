package org.b2bforum.meeting;

import java.time.Instant;
import java.util.Locale;

import org.b2bforum.base.i18n.Bilingual;

/** A slot in which both companies (and the chosen delegates) are free and a table is left. */
public record SlotOption(long slotId, String sessionName, String hallName, String hallNameEn, Instant startsAt,
        Instant endsAt, int freeTables) {

    /** The hall in the language (the Russian name while it has no English one). */
    public String hallName(Locale locale) {
        return new Bilingual(hallName, hallNameEn).in(locale);
    }
}
