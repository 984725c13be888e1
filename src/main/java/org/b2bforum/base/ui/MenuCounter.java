package org.b2bforum.base.ui;

/**
 * A number shown next to a menu entry (e.g. unread messages), read for the logged-in user when the
 * page opens and whenever a live update arrives. A feature provides it as a bean.
 */
public interface MenuCounter {

    /** The route of the menu entry, as in {@code @Route}. */
    String path();

    /** The number for the logged-in user; 0 shows nothing. */
    long count();
}
