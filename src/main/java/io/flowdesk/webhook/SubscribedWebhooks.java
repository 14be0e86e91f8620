package io.flowdesk.webhook;

import io.flowdesk.common.BackgroundThread;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which webhooks want which events, in memory: every ticket change asks, and must not cost a query (with none
 * subscribed, a ticket change costs one map look-up here). Read again when this node changes a subscription (once
 * the change is committed), and every {@code flowdesk.webhooks.refresh-interval} for the changes of other nodes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class SubscribedWebhooks implements InitializingBean, SmartLifecycle {

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookProperties properties;
    /** Replaced whole, never changed: readers need no lock. */
    private volatile Map<WebhookEventType, List<String>> destinations = new EnumMap<>(WebhookEventType.class);
    private volatile BackgroundThread refresher;

    SubscribedWebhooks(WebhookSubscriptionRepository subscriptions, WebhookProperties properties) {
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    /** The outbox destinations of the webhooks subscribed to the event type; mostly none. */
    List<String> to(WebhookEventType type) {
        return destinations.getOrDefault(type, List.of());
    }

    /** Read before the first ticket change can ask (the job executor may fire an SLA timer during start-up). */
    @Override
    public void afterPropertiesSet() {
        reload();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(WebhooksChanged change) {
        reload();
    }

    /** Synchronized: a slow periodic read must not overwrite what a later read after a change found. */
    synchronized void reload() {
        Map<WebhookEventType, List<String>> read = new EnumMap<>(WebhookEventType.class);
        for (WebhookSubscription subscription : subscriptions.findAllByOrderByIdAsc()) {
            for (WebhookEventType type : subscription.getEventTypes()) {
                read.computeIfAbsent(type, t -> new ArrayList<>()).add(subscription.destination());
            }
        }
        read.replaceAll((type, ids) -> List.copyOf(ids));
        destinations = read;
    }

    @Override
    public void start() {
        BackgroundThread started = new BackgroundThread("webhook-subscriptions");
        started.repeat(properties.refreshInterval(), properties.refreshInterval(),
                "Webhook subscriptions not read again", this::reload);
        refresher = started;
    }

    @Override
    public void stop() {
        BackgroundThread running = refresher;
        refresher = null;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }

    /** Published, in its transaction, by whatever changes a subscription. */
    record WebhooksChanged() {
    }
}
