package io.flowdesk.ticket;

import io.flowdesk.security.CurrentUser;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.ticket.TicketViews.TicketPage;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import jakarta.validation.Valid;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

@RestController
@RequestMapping("/api/tickets")
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
    ResponseEntity<TicketDetails> create(@Valid @RequestBody CreateTicketRequest request,
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
    TicketDetails get(@PathVariable String number) {
        return queries.details(number, currentUser.viewer());
    }

    @GetMapping
    TicketPage list(@Valid TicketFilter filter,
                    @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
        return queries.search(filter, pageable, currentUser.viewer());
    }

    @PostMapping("/{number}/comments")
    ResponseEntity<TimelineEntry> comment(@PathVariable String number, @Valid @RequestBody CommentRequest comment) {
        TicketEvent event = tickets.comment(number, comment, currentUser.viewer());
        return ResponseEntity.status(201).body(TimelineEntry.of(event));
    }
}
