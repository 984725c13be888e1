package org.b2bforum.venue;

import java.time.Instant;

/** When a delegate was checked in, and by whom (an organizer or a staff member). */
public record CheckIn(Instant at, long byUserId, String byName) {
}
