package org.b2bforum.base.live;

/**
 * One change that open pages of a company (or of one log-in) should show at once: a new message, a
 * meeting request, an answer, a move, an announcement... {@code companyId} or {@code userId} is null
 * when the change is addressed to the other one. {@code madeHere}: the page's own request made it and shows
 * its outcome itself ({@link LiveUpdates#changedHere}); such a change has no feed id (0).
 */
public record LiveChange(long id, Long companyId, Long userId, Kind kind, boolean madeHere) {

    /** A change read from the feed. */
    public LiveChange(long id, Long companyId, Long userId, Kind kind) {
        this(id, companyId, userId, kind, false);
    }

    public enum Kind {
        /**
         * A notification was written (meetings, registration, announcements), or read, or an announcement's banner
         * closed (the reader's own log-in only): what the bell and the banner show.
         */
        NOTIFICATION,
        /** A message in a conversation of the company, a conversation read by the company, a company muted. */
        MESSAGE,
        /** A meeting of the company starts within minutes. */
        REMINDER,
        /** A delegate of the company accepted an invitation: their log-in exists now. */
        DELEGATE
    }
}
