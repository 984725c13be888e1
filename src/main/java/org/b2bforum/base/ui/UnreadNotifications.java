package org.b2bforum.base.ui;

/**
 * The count on the bell in {@link MainLayout}'s header. The notification module implements it:
 * the layout asks through this interface so that base does not depend on notification (which
 * depends on base's accounts).
 */
public interface UnreadNotifications {

    /** The current user's unread notifications. */
    long unreadCount();

    /**
     * The latest notification, as a live update announces it; detail null when there is none to show. {@code written}:
     * the detail is what the organizers wrote (an announcement), shown as it is, not a meeting in one line.
     */
    record Latest(String messageKey, String detail, boolean written) {
    }

    /** The current user's latest unread notification, if any. */
    default java.util.Optional<Latest> latestUnread() {
        return java.util.Optional.empty();
    }
}
