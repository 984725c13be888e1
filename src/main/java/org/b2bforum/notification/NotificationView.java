package org.b2bforum.notification;

import java.time.Instant;

/** An in-app notification as shown to its reader. */
public record NotificationView(long id, String messageKey, String detail, Instant createdAt, boolean read) {
}
