package io.flowdesk.audit;

import io.flowdesk.audit.AuditViews.AuditEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One entry of the audit log: who did what to which target, when and from where. Inserted, never changed. */
@Entity
@Immutable
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 64)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AuditAction action;

    @Column(nullable = false, length = 32)
    private String targetType;

    @Column(nullable = false, length = 255)
    private String targetId;

    @Column(length = 1000)
    private String detail;

    @Column(nullable = false, length = 16)
    private String source;

    @Column(length = 64)
    private String clientAddress;

    protected AuditEvent() {
    }

    /** Values longer than their column are cut (a user id tried at a login can be anything). */
    AuditEvent(Instant occurredAt, Origin origin, AuditAction action, String targetType, String targetId,
               String detail) {
        this.occurredAt = occurredAt;
        this.actor = clip(origin.actor(), 64);
        this.action = action;
        this.targetType = clip(targetType, 32);
        this.targetId = clip(targetId == null || targetId.isEmpty() ? "-" : targetId, 255);
        this.detail = detail == null ? null : clip(detail, 1000);
        this.source = origin.source();
        this.clientAddress = origin.clientAddress() == null ? null : clip(origin.clientAddress(), 64);
    }

    private static String clip(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }

    String getSource() {
        return source;
    }

    AuditEntry view() {
        return new AuditEntry(id, occurredAt, actor, action, targetType, targetId, detail, source, clientAddress);
    }
}
