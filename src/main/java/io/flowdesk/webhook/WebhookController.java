package io.flowdesk.webhook;

import io.flowdesk.common.Problems;
import io.flowdesk.outbox.OutboxMessage;
import io.flowdesk.security.CurrentUser;
import io.flowdesk.webhook.WebhookViews.CreatedWebhook;
import io.flowdesk.webhook.WebhookViews.DeliveryPage;
import io.flowdesk.webhook.WebhookViews.DeliveryView;
import io.flowdesk.webhook.WebhookViews.NewWebhook;
import io.flowdesk.webhook.WebhookViews.Retried;
import io.flowdesk.webhook.WebhookViews.WebhookView;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Outgoing webhooks, for administrators: register, list, delete, and see (and retry) what was sent. */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    private final WebhookSubscriptions webhooks;
    private final CurrentUser currentUser;

    WebhookController(WebhookSubscriptions webhooks, CurrentUser currentUser) {
        this.webhooks = webhooks;
        this.currentUser = currentUser;
    }

    @PostMapping
    ResponseEntity<CreatedWebhook> create(@Valid @RequestBody NewWebhook request) {
        String actor = requireAdministrator();
        CreatedWebhook created = webhooks.create(request, actor);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping
    List<WebhookView> list() {
        requireAdministrator();
        return webhooks.list();
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable long id) {
        requireAdministrator();
        return webhooks.get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        requireAdministrator();
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Newest first; {@code status} one of pending, failed, delivered, cancelled. */
    @GetMapping("/{id}/deliveries")
    DeliveryPage deliveries(@PathVariable long id, @RequestParam(required = false) String status,
                            @PageableDefault(size = 20) Pageable pageable) {
        requireAdministrator();
        Page<DeliveryView> page = webhooks.deliveries(id, status == null ? null : statusNamed(status), pageable);
        return new DeliveryPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }

    /** The webhook's failed deliveries are tried again now, each ticket's in order. */
    @PostMapping("/{id}/deliveries/retry")
    Retried retry(@PathVariable long id) {
        requireAdministrator();
        return new Retried(webhooks.retryNow(id));
    }

    private static OutboxMessage.Status statusNamed(String status) {
        return Arrays.stream(OutboxMessage.Status.values())
                .filter(known -> known.name().equalsIgnoreCase(status.strip())).findFirst()
                .orElseThrow(() -> Problems.badField("status", "must be one of "
                        + Arrays.stream(OutboxMessage.Status.values())
                        .map(known -> known.name().toLowerCase(Locale.ROOT)).toList()));
    }

    /** The administrator's user id; anyone else is refused. */
    private String requireAdministrator() {
        if (!currentUser.viewer().isAdministrator()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed", "Only administrators manage webhooks");
        }
        return currentUser.id();
    }
}
