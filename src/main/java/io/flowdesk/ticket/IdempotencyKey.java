package io.flowdesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A caller's Idempotency-Key of a ticket create, with the request it came with and the ticket it opened. */
@Entity
@Table(name = "idempotency_key")
class IdempotencyKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String caller;

    @Column(name = "idem_key", nullable = false)
    private String key;

    @Column(nullable = false, length = 64)
    private String requestDigest;

    @Column(length = 16)
    private String ticketNumber;

    @Column(nullable = false)
    private Instant createdAt;

    protected IdempotencyKey() {
    }

    IdempotencyKey(String caller, String key, String requestDigest, Instant createdAt) {
        this.caller = caller;
        this.key = key;
        this.requestDigest = requestDigest;
        this.createdAt = createdAt;
    }

    void opened(String ticketNumber) {
        this.ticketNumber = ticketNumber;
    }

    String getRequestDigest() {
        return requestDigest;
    }

    String getTicketNumber() {
        return ticketNumber;
    }
}
