package org.b2bforum.venue;

/** A venue action that is not possible now, with the translation key of the reason. */
public class VenueRefusedException extends RuntimeException {

    private final String key;

    public VenueRefusedException(String key) {
        super(key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
