package org.b2bforum.venue;

/** A staff log-in that cannot be created as entered: which field, and the translation key of why. */
public class StaffAccountRefusedException extends RuntimeException {

    private final String field;
    private final String key;

    public StaffAccountRefusedException(String field, String key) {
        super(field + ": " + key);
        this.field = field;
        this.key = key;
    }

    /** {@code email}, {@code name} or {@code password}. */
    public String field() {
        return field;
    }

    public String key() {
        return key;
    }
}
