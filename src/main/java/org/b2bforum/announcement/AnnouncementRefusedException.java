package org.b2bforum.announcement;

/**
 * An announcement refused for a reason the organizer can fix; the message is a translation key, and the arguments, if
 * any, fill it.
 */
public class AnnouncementRefusedException extends RuntimeException {

    private final String field;
    private final transient Object[] arguments;

    public AnnouncementRefusedException(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.arguments = arguments.clone();
    }

    /** What fills the translation; may be none. */
    public Object[] arguments() {
        return arguments.clone();
    }

    /** "text" or "audience": where the reason is shown. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return getMessage();
    }
}
