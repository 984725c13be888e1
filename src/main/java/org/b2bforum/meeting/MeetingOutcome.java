package org.b2bforum.meeting;

/**
 * What a meeting command left behind: the meeting and its status now, so that the caller (a
 * view, the metrics) need not read the meeting again. A request answers REQUESTED, or CONFIRMED
 * with instant booking; asking again for a meeting one has answers that meeting as it is.
 * {@code notifiedMe}: how many notifications the command wrote for the log-in that gave it, when it knows (a booking
 * confirmed at once), else -1; the page of that log-in adds them to its bell without counting again (issue 17).
 */
public record MeetingOutcome(long meetingId, MeetingStatus status, int notifiedMe) {

    /** An outcome that does not say how many notifications it wrote for the acting log-in ({@link #notifiedMe} -1). */
    public MeetingOutcome(long meetingId, MeetingStatus status) {
        this(meetingId, status, -1);
    }

    public boolean confirmed() {
        return status == MeetingStatus.CONFIRMED;
    }
}
