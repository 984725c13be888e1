package org.b2bforum.notification.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An in-app message to one user; its text is a translation key, rendered in the reader's language. */
@Entity
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long userId;
    private String messageKey;
    private String detail;
    private Instant createdAt;
    private Instant readAt;

    protected Notification() {
    }

    public Notification(long userId, String messageKey, String detail, Instant createdAt) {
        this.userId = userId;
        this.messageKey = messageKey;
        this.detail = detail;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
