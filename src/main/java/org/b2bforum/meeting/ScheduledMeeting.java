package org.b2bforum.meeting;

/** A meeting the scheduler placed, to confirm on publishing: two companies, a slot and a table of its hall. */
public record ScheduledMeeting(long requesterId, long partnerId, long slotId, long tableId) {
}
