package io.flowdesk.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Outgoing webhooks ({@code flowdesk.webhooks.*}); retries and their back-off are the outbox's
 * ({@code flowdesk.outbox.*}).
 *
 * @param timeout         how long a receiver has to connect and answer before the attempt counts as failed
 * @param refreshInterval how often each node reads the subscriptions again, for those another node changed (its own
 *                        changes it sees at once)
 */
@ConfigurationProperties("flowdesk.webhooks")
record WebhookProperties(Duration timeout, Duration refreshInterval) {

    WebhookProperties {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(10) : refreshInterval;
    }
}
