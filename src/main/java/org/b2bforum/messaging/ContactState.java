package org.b2bforum.messaging;

/** What a company chose about another: nothing, mute (no unread count, no alert) or block (nothing from it). */
public enum ContactState {
    NONE,
    MUTE,
    BLOCK
}
