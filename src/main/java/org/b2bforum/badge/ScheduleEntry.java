package org.b2bforum.badge;

import java.time.Instant;

import org.b2bforum.base.i18n.MeetingPlace;

/**
 * One line of a delegate's personal schedule: a confirmed meeting (the counterpart company as
 * {@code title}, its hall as {@code place}, the table, and in {@code meetingPlace} where exactly —
 * the table or a fair stand) or a program item the delegate attends ({@code meetingPlace} null).
 */
public record ScheduleEntry(Instant startsAt, Instant endsAt, Kind kind, String title, String place,
        Integer tableNumber, MeetingPlace meetingPlace) {

    public enum Kind {
        MEETING, PROGRAM
    }
}
