package org.b2bforum.announcement;

/** An announcement refused for a reason the organizer can fix; the message is a translation key. */
public class AnnouncementRefusedException extends RuntimeException {

    private final String field;

    public AnnouncementRefusedException(String field, String messageKey) {
        super(messageKey);
        this.field = field;
    }

    /** "text" or "audience": where the reason is shown. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return getMessage();
    }
}
