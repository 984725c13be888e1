package org.b2bforum.base.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Unguessable tokens for links that act as keys (check-in, invitations, calendar feeds): 256 random
 * bits, URL-safe. Tokens that need not be shown again are stored only as their SHA-256 hash.
 */
public final class Tokens {

    /**
     * A log line that names a link on purpose and is left unmasked ({@link #withoutSecrets}): the demo's two check-in
     * links at its start, for trying the check-in (demo mode only, where the passwords are published too).
     */
    public static final Marker PUBLISHED_DEMO_LINK = MarkerFactory.getMarker("PUBLISHED_DEMO_LINK");

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A path segment that cannot be a token: a route's word or a number, maybe with a file's extension. */
    /**
     * A secret link's token in any text: after a route that takes one (also URL-encoded, as in Vaadin's
     * {@code location=invitation%2F...}), or alone as 43 base64url characters with a digit, an upper- and a
     * lower-case letter (a word, a class name or a table's name has not all three).
     */
    private static final Pattern SECRET_IN_TEXT = Pattern.compile(
            "((?:calendar|check-in|confirm-email|invitation|reset-password|scan)(?:/|%2F|%2f|%252F|%252f))[A-Za-z0-9_-]{16,}"
                    + "|(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]{0,42}[0-9])(?=[A-Za-z0-9_-]{0,42}[a-z])"
                    + "(?=[A-Za-z0-9_-]{0,42}[A-Z])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");
    private static final Pattern PLAIN_SEGMENT = Pattern.compile("([A-Za-z][A-Za-z-]{0,19}|\\d{1,19})(\\.[a-z]{2,4})?");

    private Tokens() {
    }

    /**
     * A new token: 32 random bytes, base64url without padding (43 characters), drawn again until it has a digit, an
     * upper- and a lower-case letter, so that {@link #withoutSecrets} masks it wherever it stands in a log line, also
     * without its route. About one draw in 1,500 has not all three (nearly always for want of a digit), and such a token
     * standing alone was written whole (review65's doubt, closed in review69); leaving those out of the 2^256 tokens
     * takes less than a thousandth of a bit from them.
     */
    public static String newToken() {
        byte[] bytes = new byte[32];
        while (true) {
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (maskedAlone(token)) {
                return token;
            }
        }
    }

    /** Whether a token has the digit and the two cases by which {@link #withoutSecrets} knows it without its route. */
    static boolean maskedAlone(String token) {
        return token.chars().anyMatch(c -> c >= '0' && c <= '9') && token.chars().anyMatch(c -> c >= 'a' && c <= 'z')
                && token.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
    }

    /** The SHA-256 of a token in hex (64 characters), for storing it without storing the key. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * {@code text} with every secret link's token written as "…" ({@code /calendar/….ics}): for a line of the log,
     * whatever wrote it (Spring's and Vaadin's request logging at DEBUG, an exception's message).
     */
    public static String withoutSecrets(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = SECRET_IN_TEXT.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(masked, matcher.group(1) != null ? Matcher.quoteReplacement(matcher.group(1) + "…")
                    : "…");
        } while (matcher.find());
        return matcher.appendTail(masked).toString();
    }

    /**
     * The path of a request or a page with each segment that may be a secret link's token (anything but a route's
     * words and numbers) written as "…": for the log, which must never hold a working calendar feed,
     * reset, invitation or check-in link ({@code /calendar/….ics}, {@code reset-password/…}).
     */
    public static String redactedPath(String path) {
        if (path == null) {
            return null;
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (!segments[i].isEmpty() && !PLAIN_SEGMENT.matcher(segments[i]).matches()) {
                segments[i] = "…";
            }
        }
        return String.join("/", segments);
    }
}
