package org.b2bforum.base.security;

import java.time.Instant;
import java.util.Locale;

/** Published when a confirmation link is made; the e-mail follows the commit, in {@code language} first. */
record EmailConfirmationRequested(String email, String link, Instant expiresAt, Locale language) {
}
