package org.b2bforum.base.text;

import java.util.regex.Pattern;

/**
 * What people type, as it is stored. A single-line field (a name, a city, a position, a title)
 * keeps no line breaks, tabs or other control characters: each run of them and of spaces becomes
 * one space. A multi-line field (a description, a message) keeps its line breaks (as \n) and loses
 * the other control characters. Both are trimmed. Validators measure the text as it will be stored.
 */
public final class Texts {

    /** Control characters (Cc), line and paragraph separators, and bidirectional overrides. */
    private static final String CONTROLS = "\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069";
    private static final Pattern SINGLE_LINE_BREAKS = Pattern.compile("[\\s" + CONTROLS + "]+");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085]");
    private static final Pattern OTHER_CONTROLS = Pattern.compile("[" + CONTROLS + "&&[^\\n]]");

    private Texts() {
    }

    /** The text on one line, trimmed; {@code null} stays {@code null}. */
    public static String singleLine(String value) {
        return value == null ? null : SINGLE_LINE_BREAKS.matcher(value).replaceAll(" ").strip();
    }

    /** The text with \n line breaks and no other control characters, trimmed; {@code null} stays {@code null}. */
    public static String multiLine(String value) {
        if (value == null) {
            return null;
        }
        String lines = LINE_BREAK.matcher(value).replaceAll("\n").replace('\t', ' ');
        return OTHER_CONTROLS.matcher(lines).replaceAll("").strip();
    }

    /**
     * A LIKE pattern (MariaDB's default escape, the backslash) for values that contain the text, trimmed, as typed: its
     * {@code %}, {@code _} and backslashes match themselves. No text ({@code null}, blank) matches every value.
     */
    public static String likeContaining(String text) {
        String typed = text == null ? "" : text.trim();
        return "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
