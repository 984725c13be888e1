package org.b2bforum.registration.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.b2bforum.registration.RegistrationEventType;

/** One entry of the audit trail: who did what to a registration, when, and why. Never changed. */
@Entity
public class RegistrationEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long companyId;

    @Enumerated(EnumType.STRING)
    private RegistrationEventType type;

    private String comment;
    private long actorId;
    private String actorName;
    private Instant occurredAt;

    protected RegistrationEvent() {
    }

    public RegistrationEvent(long companyId, RegistrationEventType type, String comment, long actorId,
            String actorName, Instant occurredAt) {
        this.companyId = companyId;
        this.type = type;
        this.comment = comment;
        this.actorId = actorId;
        this.actorName = actorName;
        this.occurredAt = occurredAt;
    }

    public RegistrationEventType getType() {
        return type;
    }

    public String getComment() {
        return comment;
    }

    public String getActorName() {
        return actorName;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public long getActorId() {
        return actorId;
    }
}
