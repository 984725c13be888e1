package org.b2bforum.delegate;

import java.time.Instant;

/** What the invitation page shows for a token: whose invitation it is, or why it no longer works. */
public record Invitation(State state, String delegateName, String email, String companyName, Instant expiresAt) {

    public enum State {
        /** The delegate may set a password now. */
        VALID,
        /** The account has been made with this link (or otherwise): log in instead. */
        USED,
        /** Past its expiry: ask the company's representative for a new one. */
        EXPIRED,
        /** No such invitation: mistyped, replaced by a newer one, or the delegate's e-mail has changed. */
        INVALID,
        /** Not looked up: too many links that lead nowhere were asked for from this address; try again later. */
        LOCKED
    }

    static Invitation of(State state) {
        return new Invitation(state, null, null, null, null);
    }
}
