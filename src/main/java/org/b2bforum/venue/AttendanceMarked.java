package org.b2bforum.venue;

import java.time.Instant;

/**
 * Staff marked a confirmed meeting held or no-show; published by {@link AttendanceService#mark} inside its
 * transaction. The meeting module, which owns the meeting's row, records the mark in a synchronous listener.
 */
public record AttendanceMarked(long meetingId, Attendance attendance, Instant markedAt, long markedBy,
        String markedByName) {
}
