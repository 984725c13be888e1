package org.b2bforum.delegate;

import java.time.Instant;

/** Published when a representative invites a delegate; the invitation e-mail follows the commit. */
record DelegateInvited(String email, String delegateName, String companyName, String link, Instant expiresAt) {
}
