package org.b2bforum.meeting;

import java.time.Instant;
import java.util.List;

/**
 * One line of an agenda: a meeting (with its table and counterpart, and the counterpart's
 * contacts once confirmed) or a program item the company's delegates attend.
 */
public record AgendaEntry(Instant startsAt, Instant endsAt, Kind kind, Long meetingId, String title, String place,
        Integer tableNumber, MeetingStatus status, List<String> delegates, String counterpartContacts,
        String standNumber) {

    public enum Kind {
        MEETING, PROGRAM
    }
}
