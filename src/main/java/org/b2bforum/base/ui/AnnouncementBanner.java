package org.b2bforum.base.ui;

import java.time.Instant;
import java.util.Optional;

/**
 * The latest organizer announcement for the logged-in user, shown as a banner on every page (a feature provides it).
 * A new announcement reaches its readers' open pages as a notification's live update, one closed as a live update of
 * the reader's own log-in ({@code LiveChange.Kind.NOTIFICATION}): the frame reads the banner again on those, and at a
 * new page only once {@link Banner#until} has passed (issue 17).
 */
public interface AnnouncementBanner {

    /** {@code until}: when it is no longer the banner of anyone (its last day is over). */
    record Banner(long id, String text, Instant until) {
    }

    Optional<Banner> latest();

    /** The reader closed the banner of this announcement: it stays closed for them, and their other pages are told. */
    void dismiss(long id);
}
