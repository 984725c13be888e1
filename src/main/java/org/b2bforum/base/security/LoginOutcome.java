package org.b2bforum.base.security;

/** How a log-in attempt ended. */
public enum LoginOutcome {
    SUCCESS,
    /** Wrong e-mail or password. */
    FAILURE,
    /** Right or wrong, the account is disabled (or a demo account outside the demo mode). */
    DISABLED,
    /** Refused unchecked: too many failures for the e-mail or from the address. */
    LOCKED
}
