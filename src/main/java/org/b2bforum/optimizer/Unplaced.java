package org.b2bforum.optimizer;

/**
 * A meeting that could not be placed, with the reason in data so that the product can say it in
 * words ("Company X wants 25 meetings but has 21 free slots").
 *
 * @param meeting      its index in the problem
 * @param reason       why
 * @param participant  the participant the reason is about (0-based), or -1 when it is about the meeting
 * @param wanted       for {@link Reason#TOO_MANY_MEETINGS}: the meetings the participant wants; for
 *                     {@link Reason#LIMIT_REACHED}: the meeting limit; else 0
 * @param available    for {@link Reason#TOO_MANY_MEETINGS}: its free slots; for {@link Reason#LIMIT_REACHED}:
 *                     the meetings it had left; else 0
 */
public record Unplaced(int meeting, Reason reason, int participant, int wanted, int available) {

    public enum Reason {
        /** The participant wants more meetings than it has free slots. */
        TOO_MANY_MEETINGS,
        /** The two participants share no free slot in the asked part of the day. */
        NO_COMMON_SLOT,
        /** Every common slot is full (all tables taken). */
        NO_TABLE,
        /** Its fixed slot or its precedences cannot be honoured together with the rest. */
        CONFLICTING_CONSTRAINTS,
        /** The solver ran out of time before it could place this meeting. */
        TIME_LIMIT,
        /**
         * The participant has reached the meeting limit: {@code wanted} is the limit, {@code available} the
         * meetings it had left (see {@link MeetingAllowance}).
         */
        LIMIT_REACHED
    }
}
