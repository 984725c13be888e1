package org.b2bforum.base.ui;

/**
 * Keeps a menu entry out of the logged-in user's menu when its page would only tell them it is not for them
 * (e.g. the exhibitors' leads for a company without a stand). A feature provides it as a bean; the page itself
 * and its service still check.
 */
public interface MenuGate {

    /** The route of the menu entry, as in {@code @Route}. */
    String path();

    /** Whether the logged-in user sees the entry. */
    boolean shows();
}
