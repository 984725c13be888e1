package org.b2bforum.venue;

import java.time.Instant;
import java.util.List;

import org.b2bforum.base.i18n.MeetingPlace;

/**
 * A confirmed meeting at its table in one slot, or at an exhibitor's fair stand, with its mark (held or
 * no-show) when there is one.
 */
public record TableMeeting(long meetingId, long slotId, Instant startsAt, Instant endsAt, MeetingPlace place,
        String requesterName, String partnerName, List<String> delegates, Attendance attendance,
        Instant markedAt, String markedBy) {

    /** The table's number, null for a meeting at a fair stand. */
    public Integer tableNumber() {
        return place.table();
    }

    /** The fair stand's number for a meeting at a stand, else null. */
    public String standNumber() {
        return place.stand();
    }

    /** Whether the meeting has begun at {@code now}, so that it can be marked. */
    public boolean begunAt(Instant now) {
        return !startsAt.isAfter(now);
    }
}
