package org.b2bforum.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.b2bforum.base.i18n.Bilingual;
import org.b2bforum.base.i18n.MeetingPlace;
import org.b2bforum.venue.Attendance;

/**
 * One line of an agenda: a meeting (with its place — a table or a fair stand — and counterpart, and
 * the counterpart's contacts once confirmed) or a program item the company's delegates attend
 * ({@code place} the item's, {@code meetingPlace} null; its title and place also in English if given;
 * {@code programItemId} the item's, null for a meeting; {@code counterpartId} the meeting's other company, null for a
 * program item; {@code attendance} the venue staff's mark on a confirmed meeting once it began, null while unmarked
 * and for a program item; {@code unanswered} a request whose slot began before anyone answered it, as
 * {@link MeetingDetails#unanswered()}).
 */
public record AgendaEntry(Instant startsAt, Instant endsAt, Kind kind, Long meetingId, String title, String titleEn,
        String place, String placeEn, Integer tableNumber, MeetingStatus status, List<String> delegates, String counterpartContacts,
        MeetingPlace meetingPlace, Long programItemId, Long counterpartId,
        Attendance attendance, boolean unanswered) {

    /** The counterpart of a meeting; a program item's title in the language (Russian while it has no English one). */
    public String title(Locale locale) {
        return new Bilingual(title, titleEn).in(locale);
    }

    /** A program item's place in the language. */
    public String place(Locale locale) {
        return new Bilingual(place, placeEn).in(locale);
    }

    /** The fair stand's number for a meeting at a stand, else null. */
    public String standNumber() {
        return meetingPlace == null ? null : meetingPlace.stand();
    }

    public enum Kind {
        MEETING, PROGRAM
    }
}
