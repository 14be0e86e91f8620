package io.flowdesk.webhook;

import io.flowdesk.outbox.OutboxMessage;
import io.flowdesk.security.CurrentUser;
import io.flowdesk.webhook.WebhookViews.CreatedWebhook;
import io.flowdesk.webhook.WebhookViews.DeliveryPage;
import io.flowdesk.webhook.WebhookViews.DeliveryView;
import io.flowdesk.webhook.WebhookViews.NewWebhook;
import io.flowdesk.webhook.WebhookViews.Retried;
import io.flowdesk.webhook.WebhookViews.WebhookView;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
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

import java.util.List;

/** Outgoing webhooks, for administrators: register, list, delete, and see (and retry) what was sent. */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks", description = "Outgoing webhooks: ticket events signed and delivered to other systems,"
        + " for administrators")
class WebhookController {

    private static final String ADMINISTRATORS_ONLY = "Only administrators manage webhooks";

    private final WebhookSubscriptions webhooks;
    private final CurrentUser currentUser;

    WebhookController(WebhookSubscriptions webhooks, CurrentUser currentUser) {
        this.webhooks = webhooks;
        this.currentUser = currentUser;
    }

    @PostMapping
    @Operation(operationId = "createWebhook", summary = "Register a webhook",
            description = "A URL (http or https) and the ticket events it gets: ticket.created,"
                    + " ticket.status_changed, ticket.replied, ticket.sla_breached, ticket.closed. Deliveries are"
                    + " signed with the secret (generated and shown this once, unless given).")
    @ApiResponse(responseCode = "201", description = "Registered: the webhook with its secret this once",
            useReturnTypeSchema = true, headers = @Header(name = "Location", description = "The webhook's URL",
            required = true, schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    ResponseEntity<CreatedWebhook> create(@Valid @RequestBody NewWebhook request) {
        String actor = requireAdministrator();
        CreatedWebhook created = webhooks.create(request, actor);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "List the webhooks",
            description = "Every webhook with how many deliveries wait and how many are failing.")
    @ApiResponse(responseCode = "200", description = "The webhooks", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    List<WebhookView> list() {
        requireAdministrator();
        return webhooks.list();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhook", summary = "Read a webhook",
            description = "One webhook with how many deliveries wait and how many are failing; never its secret.")
    @ApiResponse(responseCode = "200", description = "The webhook", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    WebhookView get(@PathVariable long id) {
        requireAdministrator();
        return webhooks.get(id);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook",
            description = "It gets nothing more; what was not sent to it yet is cancelled.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    ResponseEntity<Void> delete(@PathVariable long id) {
        requireAdministrator();
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Newest first; {@code status} one of pending, failed, delivered, cancelled. */
    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "What was sent to a webhook",
            description = "Its deliveries, newest first, with attempts, the next attempt and the last error.")
    @ApiResponse(responseCode = "200", description = "A page of deliveries", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    @Parameter(in = ParameterIn.QUERY, name = "page", description = "The page, from 0",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(in = ParameterIn.QUERY, name = "size", description = "Deliveries a page, up to 100",
            schema = @Schema(type = "integer", minimum = "1", defaultValue = "20"))
    DeliveryPage deliveries(@PathVariable long id,
                            @Parameter(description = "Only deliveries of this status", schema = @Schema(
                                    allowableValues = {"pending", "failed", "delivered", "cancelled"}))
                            @RequestParam(required = false) String status,
                            @Parameter(hidden = true) @PageableDefault(size = 20) Pageable pageable) {
        requireAdministrator();
        Page<DeliveryView> page = webhooks.deliveries(id, OutboxMessage.Status.named(status), pageable);
        return new DeliveryPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }

    /** The webhook's failed deliveries are tried again now, each ticket's in order. */
    @PostMapping("/{id}/deliveries/retry")
    @Operation(operationId = "retryWebhookDeliveries", summary = "Try a webhook's failed deliveries now",
            description = "Its failed deliveries are due at once, each ticket's in order.")
    @ApiResponse(responseCode = "200", description = "How many were made due", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    Retried retry(@PathVariable long id) {
        requireAdministrator();
        return new Retried(webhooks.retryNow(id));
    }

    /** The administrator's user id; anyone else is refused. */
    private String requireAdministrator() {
        return currentUser.administrator(ADMINISTRATORS_ONLY).userId();
    }
}
