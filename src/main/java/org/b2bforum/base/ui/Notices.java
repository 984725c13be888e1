package org.b2bforum.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The short message at the top of the page that answers what the user just did, in the colour its meaning asks, the
 * same everywhere (a no-show marked at the venue was green, as if it were good news, ux74):
 * <ul>
 * <li>{@link #success}: done, and it is what the user wanted: saved, added, booked, sent, confirmed, held;</li>
 * <li>{@link #done}: done, and nothing to celebrate: removed, cancelled, declined, withdrawn, stopped, taken back,
 * switched off, a no-show recorded (Lumo's contrast);</li>
 * <li>{@link #warning}: done only in part or not needed, because something changed meanwhile or needs a look: the
 * list is read again, a link to copy by hand, already checked in;</li>
 * <li>{@link #error}: refused or failed, nothing changed.</li>
 * </ul>
 * What the others do (a new message, a request) comes as the frame's toast, not from here. Warnings and errors stay
 * longer: they are read, and usually longer.
 */
public final class Notices {

    private Notices() {
    }

    public static Notification success(String text) {
        return show(text, 4000, NotificationVariant.SUCCESS);
    }

    public static Notification done(String text) {
        return show(text, 4000, NotificationVariant.LUMO_CONTRAST);
    }

    public static Notification warning(String text) {
        return show(text, 8000, NotificationVariant.WARNING);
    }

    public static Notification error(String text) {
        return show(text, 8000, NotificationVariant.ERROR);
    }

    private static Notification show(String text, int millis, NotificationVariant variant) {
        Notification notification = Notification.show(text, millis, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
        return notification;
    }
}
