package org.b2bforum.company;

/** An uploaded logo was refused; the message is a translation key. */
public class LogoRejectedException extends RuntimeException {

    private final String key;

    public LogoRejectedException(String key) {
        super(key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
