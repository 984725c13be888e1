package org.b2bforum.meeting;

/**
 * What a meeting command left behind: the meeting and its status now, so that the caller (a
 * view, the metrics) need not read the meeting again. A request answers REQUESTED, or CONFIRMED
 * with instant booking; asking again for a meeting one has answers that meeting as it is.
 */
public record MeetingOutcome(long meetingId, MeetingStatus status) {

    public boolean confirmed() {
        return status == MeetingStatus.CONFIRMED;
    }
}
