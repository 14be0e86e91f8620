package io.flowdesk.ticket;

import io.flowdesk.security.CurrentUser;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.ticket.TicketViews.TicketPage;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

@RestController
@RequestMapping("/api/tickets")
@Tag(name = "Tickets", description = "Open tickets, find and read them, reply to customers and note things down")
class TicketController {

    private final TicketService tickets;
    private final TicketQueries queries;
    private final CurrentUser currentUser;
    private final IdempotentCreates idempotentCreates;

    TicketController(TicketService tickets, TicketQueries queries, CurrentUser currentUser,
                     IdempotentCreates idempotentCreates) {
        this.tickets = tickets;
        this.queries = queries;
        this.currentUser = currentUser;
        this.idempotentCreates = idempotentCreates;
    }

    @PostMapping
    @Operation(operationId = "createTicket", summary = "Open a ticket",
            description = "Opens a ticket of a type (a ticket type's key, see listTicketTypes) and starts its process,"
                    + " which routes it to a department and opens its first task. Anyone but analysts opens tickets."
                    + " With an Idempotency-Key, a retry returns the ticket the first request opened, never a second.")
    @ApiResponse(responseCode = "201", description = "Opened (or, for a retry with the same Idempotency-Key, opened"
            + " before): the ticket with its first tasks",
            useReturnTypeSchema = true, headers = {
                    @Header(name = "Location", description = "The new ticket's URL", required = true,
                            schema = @Schema(type = "string", format = "uri")),
                    @Header(name = "Idempotent-Replayed", description = "true when this answers a retry",
                            schema = @Schema(type = "string", allowableValues = "true"))})
    @ApiResponse(responseCode = "403", description = "Analysts do not open tickets")
    @ApiResponse(responseCode = "409", description = "A request with this Idempotency-Key is still being processed")
    @ApiResponse(responseCode = "422", description = "This Idempotency-Key was used for another request")
    ResponseEntity<TicketDetails> create(@Valid @RequestBody CreateTicketRequest request,
                                         @Parameter(description = "The caller's own key for safe retries (1 to 255"
                                                 + " visible ASCII characters)")
                                         @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                         String idempotencyKey) {
        boolean replayed = false;
        TicketDetails ticket;
        if (idempotencyKey == null) {
            ticket = tickets.create(request, currentUser.viewer());
        } else {
            IdempotentCreates.Created created = idempotentCreates.create(request, currentUser.viewer(),
                    idempotencyKey);
            ticket = created.ticket();
            replayed = created.replayed();
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{number}")
                .buildAndExpand(ticket.number()).toUri();
        ResponseEntity.BodyBuilder answer = ResponseEntity.created(location);
        return (replayed ? answer.header("Idempotent-Replayed", "true") : answer).body(ticket);
    }

    @GetMapping("/{number}")
    @Operation(operationId = "getTicket", summary = "Read a ticket",
            description = "The ticket with its SLA clocks, current tasks (to claim and complete) and timeline.")
    TicketDetails get(@PathVariable String number) {
        return queries.details(number, currentUser.viewer());
    }

    @GetMapping
    @Operation(operationId = "listTickets", summary = "Find tickets",
            description = "The tickets the caller may see that match every filter given, newest first unless sorted"
                    + " otherwise, a page at a time (up to 100 tickets; a larger size counts as 100). Sortable fields: "
                    + TicketSort.FIELDS + ".")
    TicketPage list(@Valid @ParameterObject TicketFilter filter,
                    @ParameterObject @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC)
                    Pageable pageable) {
        return queries.search(filter, pageable, currentUser.viewer());
    }

    @PostMapping("/{number}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "commentOnTicket", summary = "Reply to the customer or add an internal note",
            description = "A public reply (the customer sees it; the first one is the ticket's first response) or an"
                    + " internal note, by someone of a department that holds or has held the ticket.")
    @ApiResponse(responseCode = "201", description = "Added: the ticket's new timeline entry",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "The caller may read the ticket but not work on it (a system"
            + " that opened it)")
    @ApiResponse(responseCode = "409", description = "Someone changed the ticket at the same moment; nothing was"
            + " stored, send it again")
    TimelineEntry comment(@PathVariable String number, @Valid @RequestBody CommentRequest comment) {
        return TimelineEntry.of(tickets.comment(number, comment, currentUser.viewer()));
    }
}
