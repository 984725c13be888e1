package org.b2bforum.meeting;

/** Where a meeting stands. Only CONFIRMED meetings occupy a slot, a table and people. */
public enum MeetingStatus {
    REQUESTED,
    CONFIRMED,
    DECLINED,
    CANCELLED;

    public String translationKey() {
        return "meeting.status." + name();
    }
}
