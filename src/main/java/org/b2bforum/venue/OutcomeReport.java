package org.b2bforum.venue;

import java.time.Instant;

/** A confirmed meeting with its mark and both companies' outcomes, for the organizers. */
public record OutcomeReport(long meetingId, Instant startsAt, String hallName, Integer tableNumber,
        String requesterName, String partnerName, Attendance attendance, Outcome requesterOutcome,
        String requesterComment, Outcome partnerOutcome, String partnerComment) {
}
