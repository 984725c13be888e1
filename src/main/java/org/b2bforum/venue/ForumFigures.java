package org.b2bforum.venue;

import java.time.Instant;
import java.util.Map;

/**
 * The forum's live figures: delegates checked in of those expected, confirmed meetings, how many
 * were held or missed, how many have begun without a mark, and the outcomes the companies recorded
 * (one per company and meeting).
 */
public record ForumFigures(long checkedIn, long delegates, long confirmedMeetings, long held, long noShows,
        long begunUnmarked, Map<Outcome, Long> outcomes, Instant at) {

    public long outcomeCount() {
        return outcomes.values().stream().mapToLong(Long::longValue).sum();
    }
}
