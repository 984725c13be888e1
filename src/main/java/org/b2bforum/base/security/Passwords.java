package org.b2bforum.base.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The password strength rules: what a new password must be, as a translation key when it is not. */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    /** The key of "too short", its message taking {@link #MIN_LENGTH} as {0} ({@link #messageArguments}). */
    public static final String TOO_SHORT = "validation.password.too-short";

    private static final Set<String> COMMON = Set.of("password12", "qwerty1234", "1234567890", "qwertyuiop",
            "1q2w3e4r5t", "password123", "a123456789", "iloveyou12", "1qaz2wsx3edc", "zaq12wsxcde");

    private Passwords() {
    }

    /** Empty when the password is acceptable, else the translation key of what is wrong. */
    public static Optional<String> problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("validation.required");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("validation.password.too-long");
        }
        boolean letter = password.codePoints().anyMatch(Character::isLetter);
        boolean digit = password.codePoints().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            return Optional.of("validation.password.letters-and-digits");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
            return Optional.of("validation.password.too-common");
        }
        if (email != null && !email.isBlank()) {
            String local = email.toLowerCase(Locale.ROOT).split("@")[0];
            if (lower.equals(email.toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.contains(local))) {
                return Optional.of("validation.password.contains-email");
            }
        }
        return Optional.empty();
    }

    /** The arguments of a problem's message: the least length for "too short" (not a figure in the texts), else none. */
    public static Object[] messageArguments(String key) {
        return TOO_SHORT.equals(key) ? new Object[] {MIN_LENGTH} : new Object[0];
    }
}
