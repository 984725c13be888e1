package org.b2bforum.fair;

import java.time.Instant;

/**
 * How many confirmed meetings at a stand lie ahead, for {@link FairService#unassign}: a stand is not freed under
 * them. The meetings at stands are meeting's ({@code stand_slot_booking}), and meeting depends on fair (it books
 * stands, and through venue), so fair asks through this interface, which meeting implements, rather than reading
 * meeting's table.
 */
public interface StandMeetingsAhead {

    /** The confirmed meetings at stand {@code standId} that start after {@code now}. */
    int startingAfter(long standId, Instant now);
}
