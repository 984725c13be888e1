package org.b2bforum.meeting;

import java.time.Instant;
import java.util.List;

import org.b2bforum.base.i18n.MeetingPlace;

/**
 * One line of an agenda: a meeting (with its place — a table or a fair stand — and counterpart, and
 * the counterpart's contacts once confirmed) or a program item the company's delegates attend
 * ({@code place} the item's, {@code meetingPlace} null).
 */
public record AgendaEntry(Instant startsAt, Instant endsAt, Kind kind, Long meetingId, String title, String place,
        Integer tableNumber, MeetingStatus status, List<String> delegates, String counterpartContacts,
        MeetingPlace meetingPlace) {

    /** The fair stand's number for a meeting at a stand, else null. */
    public String standNumber() {
        return meetingPlace == null ? null : meetingPlace.stand();
    }

    public enum Kind {
        MEETING, PROGRAM
    }
}
