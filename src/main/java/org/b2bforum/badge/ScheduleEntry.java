package org.b2bforum.badge;

import java.time.Instant;
import java.util.Locale;

import org.b2bforum.base.i18n.Bilingual;
import org.b2bforum.base.i18n.MeetingPlace;

/**
 * One line of a delegate's personal schedule: a confirmed meeting (the counterpart company as
 * {@code title}, its hall as {@code place}, the table, and in {@code meetingPlace} where exactly —
 * the table or a fair stand, and in {@code counterpartId} the counterpart company's id, for "Write a message") or a
 * program item the delegate attends ({@code meetingPlace} and {@code counterpartId} null). The item's title and the
 * place also in English, where the organizers gave them. {@code attendance}: the venue staff's mark on a meeting once it
 * began, the name of the venue's {@code Attendance} ({@code HELD}, {@code NO_SHOW}; the badges do not depend on the
 * venue), null while unmarked and for a program item.
 */
public record ScheduleEntry(Instant startsAt, Instant endsAt, Kind kind, String title, String titleEn, String place,
        String placeEn, Integer tableNumber, MeetingPlace meetingPlace, Long counterpartId, String attendance) {

    /** The title in the language (the Russian one while there is no English one). */
    public String title(Locale locale) {
        return new Bilingual(title, titleEn).in(locale);
    }

    /** The place (a meeting's hall, a program item's place) in the language. */
    public String place(Locale locale) {
        return new Bilingual(place, placeEn).in(locale);
    }

    public enum Kind {
        MEETING, PROGRAM
    }
}
