package org.b2bforum.program;

/** Program input that makes no sense (a session ending before it starts); the message is a translation key. */
public class InvalidProgramException extends RuntimeException {

    private final String key;

    public InvalidProgramException(String key) {
        super(key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
