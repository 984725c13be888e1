package org.b2bforum.meeting;

import java.util.List;

/**
 * A booking step was refused for a reason the user should read ("this slot was just taken",
 * "the booking window is closed"...): a translation key and its arguments. Nothing was changed.
 */
public class BookingRefusedException extends RuntimeException {

    private final String key;
    private final transient List<Object> args;

    public BookingRefusedException(String key, Object... args) {
        // an answer for the user, not a fault: no stack trace (under load most requests end here)
        super(key, null, false, false);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }
}
