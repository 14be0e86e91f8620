package io.flowdesk.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import io.flowdesk.outbox.NewMessage;
import io.flowdesk.outbox.Outbox;
import io.flowdesk.ticket.TicketChangeListener;
import io.flowdesk.ticket.TicketChanged;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Puts every ticket change a webhook is subscribed to into the outbox, in the change's transaction: one message per
 * webhook, keyed by the ticket so that a receiver gets a ticket's events in order. Runs for every timeline entry of
 * every ticket; with no webhook subscribed to the entry's event, it returns after one map look-up.
 */
@Component
class TicketChangesToWebhooks implements TicketChangeListener {

    /** Event ids in the order they were made (UUID version 7), the same for every webhook that gets the event. */
    private static final NoArgGenerator EVENT_IDS = Generators.timeBasedEpochGenerator();

    private final SubscribedWebhooks subscribed;
    private final Outbox outbox;
    private final ObjectMapper json;

    TicketChangesToWebhooks(SubscribedWebhooks subscribed, Outbox outbox, ObjectMapper json) {
        this.subscribed = subscribed;
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public void on(TicketChanged change) {
        for (WebhookEventType type : WebhookEventType.of(change.entry())) {
            List<String> destinations = subscribed.to(type);
            if (!destinations.isEmpty()) {
                send(type, change, destinations);
            }
        }
    }

    private void send(WebhookEventType type, TicketChanged change, List<String> destinations) {
        String eventId = EVENT_IDS.generate().toString();
        WebhookPayload payload = new WebhookPayload(json, eventId, type, change);
        for (String destination : destinations) {
            outbox.add(new NewMessage(WebhookSender.CHANNEL, destination, change.ticket().getNumber(), type.id(),
                    eventId, payload));
        }
    }
}
