package org.b2bforum.meeting;

/**
 * A company against the meeting limit.
 *
 * @param limit   the most active meetings a company may have
 * @param active  its active meetings now: its open or confirmed requests and the meetings it accepted
 */
public record MeetingLimit(int limit, int active) {

    /** Whether it may ask for no more meetings. */
    public boolean reached() {
        return active >= limit;
    }
}
