package io.flowdesk.webhook;

import io.flowdesk.outbox.Delivery;
import io.flowdesk.outbox.OutboxChannel;
import io.flowdesk.outbox.OutboxMessage;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Delivers webhook events: an HTTP POST of the event's JSON to the webhook's URL, signed ({@link WebhookSignature}).
 * A 2xx answer is delivered; any other answer, no answer within {@code flowdesk.webhooks.timeout} or no connection is
 * a failed attempt, retried by the outbox. Redirects are not followed: a receiver that moved is a failure to see.
 */
@Component
class WebhookSender implements OutboxChannel {

    static final String CHANNEL = "webhook";

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(WebhookSubscriptionRepository subscriptions, WebhookProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(properties.timeout()).build();
    }

    @Override
    public String name() {
        return CHANNEL;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        Optional<WebhookSubscription> webhook = subscriptions.findById(Long.valueOf(message.destination()));
        if (webhook.isEmpty()) {
            return Delivery.dropped("webhook " + message.destination() + " was deleted");
        }
        try {
            int status = http.send(request(webhook.get(), message), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return status / 100 == 2 ? Delivery.delivered() : Delivery.failed("HTTP " + status);
        } catch (IOException | IllegalArgumentException e) {
            return Delivery.failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.failed("interrupted: the node is stopping");
        }
    }

    private HttpRequest request(WebhookSubscription webhook, OutboxMessage message) {
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(URI.create(webhook.getUrl())).timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Flowdesk-Webhooks/1")
                .header("Flowdesk-Event-Id", message.externalId())
                .header("Flowdesk-Event-Type", message.type())
                .header("Flowdesk-Delivery", String.valueOf(message.id()))
                .header("Flowdesk-Timestamp", String.valueOf(timestamp))
                .header("Flowdesk-Signature", WebhookSignature.of(webhook.getSecret(), timestamp, message.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(message.payload(), StandardCharsets.UTF_8))
                .build();
    }
}
