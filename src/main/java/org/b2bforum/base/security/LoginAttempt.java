package org.b2bforum.base.security;

import java.time.Instant;

/**
 * One log-in attempt: the e-mail as typed (trimmed, capped), never the password. A {@code LOCKED} record may stand for
 * several refused attempts ({@code refused}; 1 for every other record): those since the previous record of the same
 * lock, this one (its time, e-mail and address) the last.
 */
public record LoginAttempt(Instant attemptedAt, String email, String address, LoginOutcome outcome, int refused) {
}
