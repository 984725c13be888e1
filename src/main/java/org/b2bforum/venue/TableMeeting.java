package org.b2bforum.venue;

import java.time.Instant;
import java.util.List;

/**
 * A confirmed meeting at its table in one slot, or at an exhibitor's fair stand ({@code standNumber} set,
 * {@code tableNumber} null), with its mark (held or no-show) when there is one.
 */
public record TableMeeting(long meetingId, long slotId, Instant startsAt, Instant endsAt, String hallName,
        Integer tableNumber, String standNumber, String requesterName, String partnerName, List<String> delegates, Attendance attendance,
        Instant markedAt, String markedBy) {

    /** Whether the meeting has begun at {@code now}, so that it can be marked. */
    public boolean begunAt(Instant now) {
        return !startsAt.isAfter(now);
    }
}
