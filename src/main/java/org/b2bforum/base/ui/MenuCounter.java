package org.b2bforum.base.ui;

import org.b2bforum.base.live.LiveChange;

/**
 * A number shown next to a menu entry (e.g. unread messages), read for the logged-in user when a
 * page opens and when a live update of a kind that changes it arrives. A feature provides it as a bean.
 */
public interface MenuCounter {

    /** The route of the menu entry, as in {@code @Route}. */
    String path();

    /** The number for the logged-in user; 0 shows nothing. */
    long count();

    /**
     * Whether a live update of this kind may change the number, so that the menu reads it again;
     * every kind unless the counter says otherwise. At the booking window's rush each booking sends
     * both companies a notification, and reading every counter for each was work for nothing.
     */
    default boolean changesWith(LiveChange.Kind kind) {
        return true;
    }

    /**
     * Whether every change of the number, by anyone on any node, reaches the pages as a live update of a kind in
     * {@link #changesWith}: then a page that listens to live updates does not read it again at each new page (issue 17).
     * Otherwise (the default) it is read at each new page too.
     */
    default boolean toldByLiveUpdates() {
        return false;
    }

    /**
     * The note a page shows when the number rose by a live update: a translation key with its one argument, and the
     * route the note opens; empty (the default): no note.
     */
    default java.util.Optional<RiseNote> riseNote() {
        return java.util.Optional.empty();
    }

    /** What a rise of the number says ({@code messageKey} filled with {@code argument}), and where it leads. */
    record RiseNote(String messageKey, String argument, String route) {
    }
}
