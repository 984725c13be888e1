package org.b2bforum.messaging;

import java.time.Instant;

/** A conversation a company reported to the organizers, with its reason. */
public record ReportedConversation(long conversationId, String companyA, String companyB, String reportedBy,
        String reason, Instant reportedAt) {
}
