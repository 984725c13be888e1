package org.b2bforum.messaging;

import java.time.Instant;

/**
 * One conversation in the list: the other company, the last message (whether the reader's company wrote it, and when)
 * and how many are unread.
 */
public record ConversationSummary(long otherCompanyId, String otherCompanyName, String lastMessage, boolean lastMine,
        Instant lastSentAt, int unread, ContactState state) {
}
