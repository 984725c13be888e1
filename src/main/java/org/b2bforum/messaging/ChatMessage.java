package org.b2bforum.messaging;

import java.time.Instant;

/** One message as its reader sees it: who wrote it (the person and their company) and when. */
public record ChatMessage(long id, long senderCompanyId, String senderCompanyName, String senderName, String body,
        Instant sentAt, boolean mine) {
}
