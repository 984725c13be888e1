package org.b2bforum.base.security;

import java.time.Instant;

/** One log-in attempt: the e-mail as typed (trimmed, capped), never the password. */
public record LoginAttempt(Instant attemptedAt, String email, String address, LoginOutcome outcome) {
}
