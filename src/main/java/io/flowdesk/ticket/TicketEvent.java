package io.flowdesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One entry of a ticket's timeline: who did what, and when. */
@Entity
@Table(name = "ticket_event")
public class TicketEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private Long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, length = 32)
    private TicketEventType type;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false)
    private Instant occurredAt;

    @Column(length = 255)
    private String summary;

    @Column(name = "old_value", length = 64)
    private String from;

    @Column(name = "new_value", length = 64)
    private String to;

    @Column(length = 10_000)
    private String body;

    protected TicketEvent() {
    }

    TicketEvent(Long ticketId, TicketEventType type, String actor, Instant occurredAt) {
        this.ticketId = ticketId;
        this.type = type;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    TicketEvent withSummary(String summary) {
        this.summary = summary;
        return this;
    }

    TicketEvent withChange(String from, String to) {
        this.from = from;
        this.to = to;
        return this;
    }

    TicketEvent withBody(String body) {
        this.body = body;
        return this;
    }

    public Long getId() {
        return id;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public TicketEventType getType() {
        return type;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getSummary() {
        return summary;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public String getBody() {
        return body;
    }
}
