package org.b2bforum.program;

/** Program input that makes no sense (a session ending before it starts); the message is a translation key. */
public class InvalidProgramException extends RuntimeException {

    private final String key;
    private final Object[] params;

    /** {@code params} fill the message's places ({0}, {1}...): what is in the way, so the message says what to do. */
    public InvalidProgramException(String key, Object... params) {
        super(key);
        this.key = key;
        this.params = params.clone();
    }

    public String key() {
        return key;
    }

    public Object[] params() {
        return params.clone();
    }
}
