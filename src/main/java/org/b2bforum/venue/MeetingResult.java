package org.b2bforum.venue;

/**
 * One confirmed meeting of a company as the company sees its result: its own outcome (null until recorded) and whether
 * it may record one now (not before the meeting begins, nor after a no-show was marked at the table).
 */
public record MeetingResult(long meetingId, boolean canRecord, Outcome outcome, String comment) {
}
