package org.b2bforum.program;

import java.time.Instant;
import java.util.Locale;

import org.b2bforum.base.i18n.Bilingual;

/**
 * A plenary, round table or presentation; its attendees have no meetings while it runs. Its title and place
 * in Russian and, if given, in English.
 */
public record ProgramItem(long id, long dayId, ProgramItemKind kind, String title, String titleEn, String place,
        String placeEn, Instant startsAt, Instant endsAt, int attendeeCount) {

    public String title(Locale locale) {
        return new Bilingual(title, titleEn).in(locale);
    }

    public String place(Locale locale) {
        return new Bilingual(place, placeEn).in(locale);
    }
}
