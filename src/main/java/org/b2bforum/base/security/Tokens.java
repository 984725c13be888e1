package org.b2bforum.base.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Unguessable tokens for links that act as keys (check-in, invitations, calendar feeds): 256 random
 * bits, URL-safe. Tokens that need not be shown again are stored only as their SHA-256 hash.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A path segment that cannot be a token: a route's word or a number, maybe with a file's extension. */
    private static final Pattern PLAIN_SEGMENT = Pattern.compile("([A-Za-z][A-Za-z-]{0,19}|\\d{1,19})(\\.[a-z]{2,4})?");

    private Tokens() {
    }

    /** A new token: 32 random bytes, base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
