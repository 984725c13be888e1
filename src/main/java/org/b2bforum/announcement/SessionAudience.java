package org.b2bforum.announcement;

import java.util.List;

/**
 * The audience of an announcement to a negotiation session: the approved companies with a confirmed meeting in it
 * (their delegates are the ones there). The meetings are meeting's, and meeting depends on announcement (its
 * morning digest reads {@link AnnouncementsReceived}), so announcement asks through this interface, which meeting
 * implements, rather than reading meeting's table.
 */
public interface SessionAudience {

    /** The approved companies with a confirmed meeting in session {@code sessionId}, by id. */
    List<Long> companiesMeetingIn(long sessionId);
}
