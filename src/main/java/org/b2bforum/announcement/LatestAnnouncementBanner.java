package org.b2bforum.announcement;

import java.util.Optional;

import org.b2bforum.base.ui.AnnouncementBanner;
import org.springframework.stereotype.Component;

/** The banner on every page: the reader's latest announcement of the last day that they have not closed. */
@Component
class LatestAnnouncementBanner implements AnnouncementBanner {

    private final AnnouncementService announcements;

    LatestAnnouncementBanner(AnnouncementService announcements) {
        this.announcements = announcements;
    }

    @Override
    public Optional<Banner> latest() {
        return announcements.latestForMe().map(a -> new Banner(a.id(), a.text(), a.createdAt().plus(AnnouncementService.BANNER_FOR)));
    }

    @Override
    public void dismiss(long id) {
        announcements.dismiss(id);
    }
}
