package io.flowdesk.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A receiver's URL and the events it is sent, signed with its secret. */
@Entity
@Table(name = "webhook_subscription")
class WebhookSubscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 2000)
    private String url;

    /** The event types' ids, comma-separated ({@code ticket.created,ticket.closed}). */
    @Column(name = "event_types", nullable = false)
    private String eventTypes;

    @Column(nullable = false)
    private String secret;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 64)
    private String createdBy;

    protected WebhookSubscription() {
    }

    WebhookSubscription(String url, List<WebhookEventType> eventTypes, String secret, String createdBy,
                        Instant createdAt) {
        this.url = url;
        this.eventTypes = eventTypes.stream().map(WebhookEventType::id).collect(Collectors.joining(","));
        this.secret = secret;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    /** As the outbox names the subscription: its destination. */
    String destination() {
        return String.valueOf(id);
    }

    String getUrl() {
        return url;
    }

    List<WebhookEventType> getEventTypes() {
        return Arrays.stream(eventTypes.split(",")).map(WebhookEventType::named)
                .flatMap(Optional::stream).toList();
    }

    String getSecret() {
        return secret;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }
}
