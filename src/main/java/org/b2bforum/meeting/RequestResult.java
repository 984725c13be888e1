package org.b2bforum.meeting;

/**
 * What a company's request for a meeting came to ({@link MeetingRequests#tryRequest}): the meeting ({@link #outcome}),
 * or the reason it was refused ({@link #refusal}), one of them null.
 */
public record RequestResult(MeetingOutcome outcome, BookingRefusedException refusal) {

    static RequestResult of(MeetingOutcome outcome) {
        return new RequestResult(outcome, null);
    }

    static RequestResult refused(BookingRefusedException refusal) {
        return new RequestResult(null, refusal);
    }

    public boolean refused() {
        return refusal != null;
    }
}
