package org.b2bforum.announcement;

import java.time.Instant;
import java.util.List;

/**
 * An organizer's announcement to these companies, published inside its transaction; its
 * notifications (the notification module) and e-mails go out after commit, each delivered at least
 * once through the event publication registry.
 */
public record AnnouncementPublished(long id, String text, List<Long> companyIds, Instant at) {

    public AnnouncementPublished {
        companyIds = List.copyOf(companyIds);
    }
}
