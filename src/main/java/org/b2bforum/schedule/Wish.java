package org.b2bforum.schedule;

import java.time.Instant;

/** A company's wish to meet another company. */
public record Wish(long id, long companyId, String companyName, long targetId, String targetName, String targetCity,
        WishPriority priority, Instant createdAt) {
}
