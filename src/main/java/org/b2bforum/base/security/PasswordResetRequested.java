package org.b2bforum.base.security;

import java.time.Instant;

/** Published when someone asks for a reset link by e-mail; the e-mail follows the commit. */
record PasswordResetRequested(String email, String link, Instant expiresAt) {
}
