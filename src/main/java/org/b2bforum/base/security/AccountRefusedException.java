package org.b2bforum.base.security;

/** An account change refused: which field is wrong and the translation key of why. */
public class AccountRefusedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public AccountRefusedException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
