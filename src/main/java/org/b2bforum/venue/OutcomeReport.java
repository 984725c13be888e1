package org.b2bforum.venue;

import java.time.Instant;

import org.b2bforum.base.i18n.MeetingPlace;

/** A confirmed meeting with its mark and both companies' outcomes, for the organizers. */
public record OutcomeReport(long meetingId, Instant startsAt, MeetingPlace place, String requesterName,
        String partnerName, Attendance attendance, Outcome requesterOutcome, String requesterComment,
        Outcome partnerOutcome, String partnerComment) {

    /** The table's number, null for a meeting at a fair stand. */
    public Integer tableNumber() {
        return place.table();
    }
}
