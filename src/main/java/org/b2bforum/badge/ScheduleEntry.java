package org.b2bforum.badge;

import java.time.Instant;

/**
 * One line of a delegate's personal schedule: a confirmed meeting (the counterpart company as
 * {@code title}, its hall as {@code place}, and the table) or a program item the delegate attends.
 */
public record ScheduleEntry(Instant startsAt, Instant endsAt, Kind kind, String title, String place,
        Integer tableNumber) {

    public enum Kind {
        MEETING, PROGRAM
    }
}
