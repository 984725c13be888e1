package org.b2bforum.base.live;

/**
 * One change that open pages of a company (or of one log-in) should show at once: a new message, a
 * meeting request, an answer, a move, an announcement... {@code companyId} or {@code userId} is null
 * when the change is addressed to the other one. {@code madeHere}: the page's own request made it and shows
 * its outcome itself ({@link LiveUpdates#changedHere}); such a change has no feed id (0). {@code notifiedHere}: for a
 * change made here, how many notifications it wrote for the page's log-in when its request knows (the page adds them to
 * the bell it keeps instead of counting the unread ones again), else -1.
 */
public record LiveChange(long id, Long companyId, Long userId, Kind kind, boolean madeHere, int notifiedHere) {

    /** A change read from the feed. */
    public LiveChange(long id, Long companyId, Long userId, Kind kind) {
        this(id, companyId, userId, kind, false, -1);
    }

    /** A change read from the feed, or made here without saying what it wrote for the page's log-in. */
    public LiveChange(long id, Long companyId, Long userId, Kind kind, boolean madeHere) {
        this(id, companyId, userId, kind, madeHere, -1);
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
        DELEGATE,
        /**
         * The organizers changed the booking window (opened, closed, its rules): told to everyone, that is to the pages
         * that listen to changes for everyone ({@link LiveUpdates#whileAttachedForEveryone}), the request form's.
         */
        BOOKING_WINDOW
    }
}
