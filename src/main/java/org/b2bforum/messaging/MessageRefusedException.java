package org.b2bforum.messaging;

/**
 * A message, block or report refused for a reason the user can fix; the message is a translation key, and the
 * arguments, if any, fill it.
 */
public class MessageRefusedException extends RuntimeException {

    private final transient Object[] arguments;

    public MessageRefusedException(String messageKey, Object... arguments) {
        super(messageKey);
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return getMessage();
    }

    /** What fills the translation ({@code messages.error.too-long}: the limit, the length, the excess); may be none. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
