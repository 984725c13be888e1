package org.b2bforum.fair;

/** A fair step refused for a reason the user reads: the message is a translation key with its arguments. */
public class FairRefusedException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public FairRefusedException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
