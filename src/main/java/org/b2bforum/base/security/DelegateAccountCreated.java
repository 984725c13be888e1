package org.b2bforum.base.security;

/**
 * A delegate's own log-in was created (the delegate accepted their invitation), published in its transaction: the
 * features that tell delegates about their day give the new account what it missed before it existed (ux54: a
 * delegate invited late saw none of the notifications of the meetings they attend).
 */
public record DelegateAccountCreated(long accountId, long delegateId) {
}
