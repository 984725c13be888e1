package org.b2bforum.delegate;

import java.time.Instant;

/**
 * An invitation just made: the one-time link (shown once, never stored), where it was e-mailed
 * ({@code emailed} is false when no SMTP is configured: the representative passes the link on).
 */
public record InvitationSent(long delegateId, String email, String link, boolean emailed, Instant expiresAt) {
}
