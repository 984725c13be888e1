package org.b2bforum.messaging;

import java.time.Instant;

/** One conversation in the list: the other company, the last message and how many are unread. */
public record ConversationSummary(long otherCompanyId, String otherCompanyName, String lastMessage,
        Instant lastSentAt, int unread, ContactState state) {
}
