package org.b2bforum.base.ui;

import java.util.Optional;

/** The latest organizer announcement for the logged-in user, shown as a banner on every page (a feature provides it). */
public interface AnnouncementBanner {

    record Banner(long id, String text) {
    }

    Optional<Banner> latest();

    /** The reader closed the banner of this announcement: it stays closed for them. */
    void dismiss(long id);
}
