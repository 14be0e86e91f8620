package io.flowdesk.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowdesk.ticket.Customer;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketChanged;
import io.flowdesk.ticket.TicketEvent;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON body of one event, made when the change's transaction commits, once for all the webhooks that get it:
 * {@code ticket} is the ticket as that transaction left it, {@code change} the timeline entry the event is.
 */
final class WebhookPayload implements Supplier<String> {

    private final ObjectMapper json;
    private final String eventId;
    private final WebhookEventType type;
    private final TicketChanged change;
    private String body;

    WebhookPayload(ObjectMapper json, String eventId, WebhookEventType type, TicketChanged change) {
        this.json = json;
        this.eventId = eventId;
        this.type = type;
        this.change = change;
    }

    @Override
    public String get() {
        if (body == null) {
            TicketEvent entry = change.entry();
            Event event = new Event(eventId, type.id(), entry.getOccurredAt(), TicketState.of(change.ticket()),
                    new Change(entry.getType().name(), entry.getActor(), entry.getFrom(), entry.getTo(),
                            entry.getSummary(), entry.getBody()));
            try {
                body = json.writeValueAsString(event);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("webhook event " + eventId + " cannot be written as JSON", e);
            }
        }
        return body;
    }

    record Event(String id, String type, Instant occurredAt, TicketState ticket, Change change) {
    }

    record TicketState(String number, String type, String subject, String status, String priority, String group,
                       String assignee, String channel, CustomerState customer, Map<String, String> fields,
                       String externalReference, Instant createdAt, Instant updatedAt, Instant firstResponseAt,
                       Instant resolvedAt, Instant closedAt) {

        static TicketState of(Ticket ticket) {
            return new TicketState(ticket.getNumber(), ticket.getType(), ticket.getSubject(), ticket.getStatus(),
                    ticket.getPriority().name(), ticket.getGroup(), ticket.getAssignee(), ticket.getChannel().name(),
                    CustomerState.of(ticket.getCustomer()), ticket.getFields(), ticket.getExternalReference(),
                    ticket.getCreatedAt(), ticket.getUpdatedAt(), ticket.getFirstResponseAt(), ticket.getResolvedAt(),
                    ticket.getClosedAt());
        }
    }

    record CustomerState(String name, String email, String phone, String tier, String region) {

        static CustomerState of(Customer customer) {
            return customer == null ? null : new CustomerState(customer.getName(), customer.getEmail(),
                    customer.getPhone(), customer.getTier(), customer.getRegion());
        }
    }

    /**
     * @param kind the timeline entry's type ({@code PUBLIC_REPLY} or {@code CUSTOMER_MESSAGE} for a reply)
     * @param by   who made the change (an agent, a system, {@code system} for the SLA clocks)
     */
    record Change(String kind, String by, String from, String to, String summary, String body) {
    }
}
