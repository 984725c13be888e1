package org.b2bforum.optimizer;

import java.util.Set;

/**
 * One meeting to place.
 *
 * @param first      a participant (0-based index into the problem's participants)
 * @param second     the other participant, different from {@code first}
 * @param session    morning, afternoon or either
 * @param fixedSlot  the slot (0-based) this meeting must take, or -1 when it is free to move
 * @param after      meetings (0-based indexes into the problem's meetings) that must come strictly before
 *                   this one
 */
public record MeetingRequest(int first, int second, SessionPreference session, int fixedSlot, Set<Integer> after) {

    public static final int FREE = -1;

    public MeetingRequest {
        if (first == second) {
            throw new IllegalArgumentException("A meeting needs two different participants");
        }
        after = Set.copyOf(after);
    }

    public static MeetingRequest of(int first, int second) {
        return new MeetingRequest(first, second, SessionPreference.ANY, FREE, Set.of());
    }

    public boolean isFixed() {
        return fixedSlot >= 0;
    }
}
