package org.b2bforum.meeting;

import java.time.Instant;
import java.util.List;

import org.b2bforum.base.i18n.MeetingPlace;
import org.b2bforum.venue.Attendance;

/**
 * A meeting as its companies and the organizers see it; at a fair stand the place has the stand and no table.
 * {@code delegates} are who attends, the requester's first ({@code requesterDelegates} of them), then the partner's.
 * {@code attendance}: the venue staff's mark (held, no-show) recorded on the meeting's row, null while unmarked.
 * {@code unanswered}: a request whose slot began before anyone answered it, when it was read ({@link UnansweredRequests}).
 */
public record MeetingDetails(long id, long requesterId, String requesterName, long partnerId, String partnerName,
        MeetingStatus status, long slotId, long sessionId, Instant startsAt, Instant endsAt, String hallName,
        Integer tableNumber, String message, String response, List<String> delegates, int requesterDelegates,
        MeetingPlace place, Attendance attendance, boolean unanswered) {

    /** Who of {@code companyId} (one of the two) attends: a company reads its own people apart from the other side's. */
    public List<String> delegatesOf(long companyId) {
        return requesterId == companyId ? delegates.subList(0, requesterDelegates)
                : delegates.subList(requesterDelegates, delegates.size());
    }

    /** The fair stand's number for a meeting at a stand, else null. */
    public String standNumber() {
        return place.stand();
    }

    /** The other company, seen from {@code companyId}. */
    public String counterpartName(long companyId) {
        return requesterId == companyId ? partnerName : requesterName;
    }

    public long counterpartId(long companyId) {
        return requesterId == companyId ? partnerId : requesterId;
    }

    /** Whether {@code companyId} received this request and may accept or decline it (its time has not come). */
    public boolean awaitsAnswerFrom(long companyId) {
        return awaitsAnswer() && partnerId == companyId;
    }

    /** Whether it is a request still waiting for its partner's answer: requested, and its time has not come. */
    public boolean awaitsAnswer() {
        return status == MeetingStatus.REQUESTED && !unanswered;
    }
}
