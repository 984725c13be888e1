package org.b2bforum.messaging;

/**
 * The rules of a message's text, as plain code: what may be sent. It is shown as plain text whose http(s) links become
 * links ({@link org.b2bforum.base.text.Links}); nothing in a message is ever taken as HTML.
 */
public final class MessageText {

    public static final int MAX_LENGTH = 2000;

    private MessageText() {
    }

    /**
     * The text as it is stored (line breaks made "\n", trimmed), or the translation key of why it is
     * refused: empty, too long, or with control characters other than line breaks and tabs.
     */
    public static String normalized(String raw) {
        String text = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            throw new MessageRefusedException("messages.error.empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            // the length and what to cut: "at most 2000" alone left the writer of a long text guessing how much (ux75)
            throw new MessageRefusedException("messages.error.too-long", MAX_LENGTH, length, length - MAX_LENGTH);
        }
        boolean control = text.codePoints().anyMatch(c -> c != '\n' && c != '\t'
                && (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT
                        && c != 0x200D /* joins emoji */));
        if (control) {
            throw new MessageRefusedException("messages.error.control-characters");
        }
        return text;
    }
}
