package io.flowdesk.webhook;

import io.flowdesk.audit.AuditAction;
import io.flowdesk.audit.AuditLog;
import io.flowdesk.common.Problems;
import io.flowdesk.outbox.Outbox;
import io.flowdesk.outbox.Outbox.Backlog;
import io.flowdesk.outbox.OutboxMessage;
import io.flowdesk.webhook.SubscribedWebhooks.WebhooksChanged;
import io.flowdesk.webhook.WebhookViews.CreatedWebhook;
import io.flowdesk.webhook.WebhookViews.DeliveryView;
import io.flowdesk.webhook.WebhookViews.NewWebhook;
import io.flowdesk.webhook.WebhookViews.WebhookView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Registers, lists and deletes webhooks, and shows what was sent to them. Callers check who may. */
@Service
class WebhookSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptions.class);
    private static final Backlog NOTHING_WAITING = new Backlog(0, 0);

    private final WebhookSubscriptionRepository webhooks;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WebhookSubscriptions(WebhookSubscriptionRepository webhooks, Outbox outbox, AuditLog audit,
                         ApplicationEventPublisher events, Clock clock) {
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CreatedWebhook create(NewWebhook request, String actor) {
        String url = request.checkedUrl();
        List<WebhookEventType> types = request.eventTypes();
        String secret = request.secret() == null ? WebhookSignature.newSecret() : request.secret();
        WebhookSubscription webhook = webhooks.save(new WebhookSubscription(url, types, secret, actor,
                clock.instant()));
        List<String> events = types.stream().map(WebhookEventType::id).toList();
        audit.record(AuditAction.WEBHOOK_CREATED, "webhook", webhook.destination(), url + " " + events);
        this.events.publishEvent(new WebhooksChanged());
        log.info("Webhook {} registered by {}: {} for {}", webhook.getId(), actor, url, events);
        return new CreatedWebhook(webhook.getId(), url, events, webhook.getCreatedAt(), actor, secret);
    }

    @Transactional(readOnly = true)
    public List<WebhookView> list() {
        Map<String, Backlog> backlogs = outbox.backlogs(WebhookSender.CHANNEL);
        return webhooks.findAllByOrderByIdAsc().stream().map(webhook ->
                WebhookView.of(webhook, backlogs.getOrDefault(webhook.destination(), NOTHING_WAITING))).toList();
    }

    @Transactional(readOnly = true)
    public WebhookView get(long id) {
        WebhookSubscription webhook = find(id);
        return WebhookView.of(webhook,
                outbox.backlogs(WebhookSender.CHANNEL).getOrDefault(webhook.destination(), NOTHING_WAITING));
    }

    /** Deletes the webhook; what it has not been sent yet is cancelled (and kept a while, for the record). */
    @Transactional
    public void delete(long id) {
        WebhookSubscription webhook = find(id);
        int cancelled = outbox.cancel(WebhookSender.CHANNEL, webhook.destination());
        webhooks.delete(webhook);
        audit.record(AuditAction.WEBHOOK_DELETED, "webhook", webhook.destination(), webhook.getUrl());
        events.publishEvent(new WebhooksChanged());
        log.info("Webhook {} ({}) deleted; {} undelivered events cancelled", id, webhook.getUrl(), cancelled);
    }

    @Transactional(readOnly = true)
    public Page<DeliveryView> deliveries(long id, OutboxMessage.Status status, Pageable page) {
        return outbox.messages(WebhookSender.CHANNEL, find(id).destination(), status, page).map(DeliveryView::of);
    }

    /** Its failed deliveries due now; how many. */
    public int retryNow(long id) {
        return outbox.retryNow(WebhookSender.CHANNEL, find(id).destination());
    }

    private WebhookSubscription find(long id) {
        return webhooks.findById(id).orElseThrow(() ->
                Problems.of(HttpStatus.NOT_FOUND, "Webhook not found", "No webhook with id " + id));
    }
}
