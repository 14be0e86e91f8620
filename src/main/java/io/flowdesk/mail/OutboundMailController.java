package io.flowdesk.mail;

import io.flowdesk.outbox.Outbox;
import io.flowdesk.outbox.OutboxMessage;
import io.flowdesk.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The mails to customers, for administrators: what was sent, what waits, what fails and why; retry the failed. */
@RestController
@RequestMapping("/api/mail/outbound")
@Tag(name = "Mail", description = "The mails taken in from the desk's mailboxes and those sent to customers, for"
        + " administrators")
class OutboundMailController {

    private static final String ADMINISTRATORS_ONLY = "Only administrators read the mail log";

    private final Outbox outbox;
    private final CurrentUser currentUser;

    OutboundMailController(Outbox outbox, CurrentUser currentUser) {
        this.outbox = outbox;
        this.currentUser = currentUser;
    }

    /** A mail to a customer as the log lists it (not its text). */
    record OutboundMailEntry(long id, String ticketNumber, String to, String kind, String messageId,
                             OutboxMessage.Status status, int attempts, Instant createdAt, Instant nextAttemptAt,
                             String lastError, Instant sentAt) {

        static OutboundMailEntry of(OutboxMessage message) {
            return new OutboundMailEntry(message.id(), message.key(), message.destination(), message.type(),
                    message.externalId(), message.status(), message.attempts(), message.createdAt(),
                    message.nextAttemptAt(), message.lastError(), message.settledAt());
        }
    }

    record OutboundMailPage(List<OutboundMailEntry> items, int page, int size, long totalItems, int totalPages) {
    }

    /** How many failed mails were made due now. */
    record Retried(int due) {
    }

    @GetMapping
    @Operation(operationId = "listOutboundMails", summary = "Read the log of mails to customers",
            description = "The mails to customers, newest first: pending, failed (with the last error and the next"
                    + " attempt), delivered or cancelled.")
    @ApiResponse(responseCode = "200", description = "A page of mails", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    @Parameter(in = ParameterIn.QUERY, name = "page", description = "The page, from 0",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(in = ParameterIn.QUERY, name = "size", description = "Mails a page, up to 100 (more counts as 100)",
            schema = @Schema(type = "integer", minimum = "1", defaultValue = "20"))
    OutboundMailPage list(@Parameter(description = "Only the mails of this status", schema = @Schema(
                                  allowableValues = {"pending", "failed", "delivered", "cancelled"}))
                          @RequestParam(required = false) String status,
                          @Parameter(hidden = true) @PageableDefault(size = 20) Pageable pageable) {
        requireAdministrator();
        Page<OutboxMessage> page = outbox.messages(CustomerMailChannel.NAME, null, OutboxMessage.Status.named(status),
                PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), 100)));
        return new OutboundMailPage(page.getContent().stream().map(OutboundMailEntry::of).toList(), page.getNumber(),
                page.getSize(), page.getTotalElements(), page.getTotalPages());
    }

    @PostMapping("/retry")
    @Operation(operationId = "retryOutboundMails", summary = "Send the failed mails to customers now",
            description = "Every failed mail to a customer is due at once, each customer's in order.")
    @ApiResponse(responseCode = "200", description = "How many were made due", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    Retried retry() {
        requireAdministrator();
        return new Retried(outbox.retryNow(CustomerMailChannel.NAME, null));
    }

    private void requireAdministrator() {
        currentUser.administrator(ADMINISTRATORS_ONLY);
    }
}
