package org.b2bforum.base.ui;

/**
 * The count on the bell in {@link MainLayout}'s header. The notification module implements it:
 * the layout asks through this interface so that base does not depend on notification (which
 * depends on base's accounts).
 */
public interface UnreadNotifications {

    /** The current user's unread notifications. */
    long unreadCount();
}
