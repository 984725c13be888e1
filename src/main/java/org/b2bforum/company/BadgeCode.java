package org.b2bforum.company;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The short code printed under a badge's QR code ({@code 7KQ-3PX}), typed in at a stand when a phone's camera will not
 * read the QR code (glare, a crumpled badge, a lanyard flipped). Six characters of an alphabet without the ones read
 * alike (0 and O, 1, I and L): 31^6, nearly 900 million codes, of which a forum hands out a few thousand, so one typed at
 * random finds a badge about once in 100,000 tries; the leads' page lets a person miss only a few times a quarter of
 * an hour. Stored without the dash ({@code delegate.badge_code}), shown with it.
 */
public final class BadgeCode {

    /** The characters of a code: digits and Latin capitals without 0, 1, I, L and O. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 6;
    /**
     * Cyrillic capitals drawn like Latin ones, and the Latin ones they stand for: a Russian phone's keyboard types
     * "К" and "Р" for the badge's K and P.
     */
    private static final String CYRILLIC = "АВЕКМНРСТХУ";
    private static final String LATIN = "ABEKMHPCTXY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BadgeCode() {
    }

    /** A new code, stored form (six characters, no dash). */
    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * A typed code in its stored form: case, spaces and dashes forgiven, Cyrillic look-alikes read as the Latin letters
     * they look like. Empty when the text cannot be a code (not six characters of the alphabet).
     */
    public static Optional<String> parse(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == '–' || c == '—' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            int cyrillic = CYRILLIC.indexOf(c);
            char latin = cyrillic >= 0 ? LATIN.charAt(cyrillic) : c;
            if (ALPHABET.indexOf(latin) < 0 || code.length() == LENGTH) {
                return Optional.empty();
            }
            code.append(latin);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    /** The code as printed and shown: {@code 7KQ-3PX} (a stored code of another length as it is). */
    public static String format(String code) {
        return code == null || code.length() != LENGTH ? code : code.substring(0, 3) + "-" + code.substring(3);
    }
}
