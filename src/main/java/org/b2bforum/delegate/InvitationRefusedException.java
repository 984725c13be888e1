package org.b2bforum.delegate;

/**
 * An invitation cannot be made or accepted; {@link #key()} is the translation key of the reason,
 * {@link #field()} the form field it concerns ({@code password}, {@code confirmation}) or null.
 */
public class InvitationRefusedException extends RuntimeException {

    private final String key;
    private final String field;

    public InvitationRefusedException(String key) {
        this(key, null);
    }

    public InvitationRefusedException(String key, String field) {
        super(key, null, false, false);
        this.key = key;
        this.field = field;
    }

    public String key() {
        return key;
    }

    public String field() {
        return field;
    }
}
