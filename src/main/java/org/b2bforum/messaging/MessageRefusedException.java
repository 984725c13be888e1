package org.b2bforum.messaging;

/** A message, block or report refused for a reason the user can fix; the message is a translation key. */
public class MessageRefusedException extends RuntimeException {

    public MessageRefusedException(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}
