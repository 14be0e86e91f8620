package io.flowdesk.webhook;

import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketEvent;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a subscriber may be told of, by the names it subscribes with and receives as {@code type}. */
enum WebhookEventType {

    CREATED("ticket.created"),
    STATUS_CHANGED("ticket.status_changed"),
    /** A public reply to the customer, or a message of the customer's. */
    REPLIED("ticket.replied"),
    SLA_BREACHED("ticket.sla_breached"),
    /** The status became {@code closed} (also a {@code ticket.status_changed}, for its subscribers). */
    CLOSED("ticket.closed");

    private final String id;

    WebhookEventType(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static Optional<WebhookEventType> named(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(WebhookEventType::id).toList();
    }

    /** The events a timeline entry is: none for most. */
    static List<WebhookEventType> of(TicketEvent entry) {
        return switch (entry.getType()) {
            case CREATED -> List.of(CREATED);
            case STATUS_CHANGED -> Ticket.CLOSED.equals(entry.getTo()) ? List.of(STATUS_CHANGED, CLOSED)
                    : List.of(STATUS_CHANGED);
            case PUBLIC_REPLY, CUSTOMER_MESSAGE -> List.of(REPLIED);
            case SLA_BREACHED -> List.of(SLA_BREACHED);
            default -> List.of();
        };
    }
}
