package org.b2bforum.announcement;

import java.time.Instant;

/** An announcement as sent: to whom, what, when, and how many companies it reached. */
public record Announcement(long id, Audience audience, String audienceValue, String text, Instant createdAt,
        int companies) {
}
