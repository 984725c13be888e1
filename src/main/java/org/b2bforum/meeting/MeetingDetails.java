package org.b2bforum.meeting;

import java.time.Instant;
import java.util.List;

/** A meeting as its companies and the organizers see it; at a fair stand {@code standNumber} is set and there is no table. */
public record MeetingDetails(long id, long requesterId, String requesterName, long partnerId, String partnerName,
        MeetingStatus status, long slotId, long sessionId, Instant startsAt, Instant endsAt, String hallName,
        Integer tableNumber, String message, String response, List<String> delegates, String standNumber) {

    /** The other company, seen from {@code companyId}. */
    public String counterpartName(long companyId) {
        return requesterId == companyId ? partnerName : requesterName;
    }

    public long counterpartId(long companyId) {
        return requesterId == companyId ? partnerId : requesterId;
    }

    /** Whether {@code companyId} received this request and may accept or decline it. */
    public boolean awaitsAnswerFrom(long companyId) {
        return status == MeetingStatus.REQUESTED && partnerId == companyId;
    }
}
