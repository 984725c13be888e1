package org.b2bforum.venue;

/**
 * One confirmed meeting of a company as the company sees its result: the mark at the table, its
 * own outcome (null until recorded) and whether it may record one now.
 */
public record MeetingResult(long meetingId, Attendance attendance, boolean canRecord, Outcome outcome,
        String comment) {
}
