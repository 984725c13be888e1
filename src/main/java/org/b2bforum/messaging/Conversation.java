package org.b2bforum.messaging;

import java.util.List;

/**
 * The conversation of the reader's company with another: its messages (oldest first), what the
 * reader chose about the other company, and whether the other company blocked the reader's.
 */
public record Conversation(long otherCompanyId, String otherCompanyName, List<ChatMessage> messages,
        ContactState myChoice, boolean blockedByOther, boolean reported, boolean otherApproved) {

    public boolean canWrite() {
        return otherApproved && !blockedByOther && myChoice != ContactState.BLOCK;
    }
}
