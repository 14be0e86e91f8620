package io.flowdesk.webhook;

import io.flowdesk.common.Problems;
import io.flowdesk.outbox.Outbox.Backlog;
import io.flowdesk.outbox.OutboxMessage;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What {@code /api/webhooks} takes and answers. */
final class WebhookViews {

    private WebhookViews() {
    }

    /**
     * A webhook to register.
     *
     * @param secret the signing secret; one is made when none is given
     */
    record NewWebhook(@NotBlank @Size(max = 2000) String url, @NotEmpty List<String> events,
                      @Size(min = 16, max = 200) String secret) {

        /** The URL, if it is an absolute http or https one (else 400 naming {@code url}). */
        String checkedUrl() {
            try {
                URI uri = new URI(url.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return uri.toString();
                }
            } catch (URISyntaxException e) {
                // answered below, as any other URL that is not one
            }
            throw Problems.badField("url", "must be an absolute http or https URL");
        }

        /** The event types, each once, if every one is known (else 400 naming {@code events}). */
        List<WebhookEventType> eventTypes() {
            Set<WebhookEventType> types = new LinkedHashSet<>();
            for (String event : events) {
                types.add(WebhookEventType.named(event == null ? "" : event.strip()).orElseThrow(() ->
                        Problems.badField("events", "has an unknown event type '" + event + "': must be one of "
                                + WebhookEventType.ids())));
            }
            return List.copyOf(types);
        }
    }

    /**
     * A webhook as listed.
     *
     * @param pending deliveries not tried yet
     * @param failing deliveries whose last attempt failed, to be tried again (those of the same tickets wait behind
     *                them, as pending)
     */
    record WebhookView(long id, String url, List<String> events, Instant createdAt, String createdBy, long pending,
                       long failing) {

        static WebhookView of(WebhookSubscription webhook, Backlog backlog) {
            return new WebhookView(webhook.getId(), webhook.getUrl(),
                    webhook.getEventTypes().stream().map(WebhookEventType::id).toList(), webhook.getCreatedAt(),
                    webhook.getCreatedBy(), backlog.pending(), backlog.failed());
        }
    }

    /** A webhook just registered, with its secret: shown this once. */
    record CreatedWebhook(long id, String url, List<String> events, Instant createdAt, String createdBy,
                          String secret) {
    }

    /** One event sent (or to be sent) to a webhook, and how that went. */
    record DeliveryView(long id, String eventId, String eventType, String ticketNumber, String status, int attempts,
                        Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, String lastError,
                        Instant deliveredAt) {

        static DeliveryView of(OutboxMessage message) {
            boolean undelivered = message.status() == OutboxMessage.Status.PENDING
                    || message.status() == OutboxMessage.Status.FAILED;
            return new DeliveryView(message.id(), message.externalId(), message.type(), message.key(),
                    message.status().name().toLowerCase(Locale.ROOT), message.attempts(), message.createdAt(),
                    message.lastAttemptAt(), undelivered ? message.nextAttemptAt() : null, message.lastError(),
                    message.status() == OutboxMessage.Status.DELIVERED ? message.settledAt() : null);
        }
    }

    record DeliveryPage(List<DeliveryView> items, int page, int size, long totalItems, int totalPages) {
    }

    record Retried(int rescheduled) {
    }
}
