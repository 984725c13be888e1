package org.b2bforum.registration;

/** The registration is not in a state that allows this step (e.g. it was decided meanwhile). */
public class RegistrationStateException extends RuntimeException {

    private final String key;

    public RegistrationStateException(String key) {
        super(key);
        this.key = key;
    }

    /** Translation key of the message for the user. */
    public String key() {
        return key;
    }
}
