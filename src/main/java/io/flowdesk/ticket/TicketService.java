package io.flowdesk.ticket;

import io.flowdesk.tickettype.TicketType;
import io.flowdesk.tickettype.TicketTypeCatalog;
import io.flowdesk.tickettype.UnknownTicketTypeException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens tickets from our REST API: the ticket row, its first timeline entry and its process start in one
 * transaction, so a ticket is stored with its process or not at all.
 */
@Service
public class TicketService {

    private final TicketUpdates updates;
    private final TicketTypeCatalog ticketTypes;
    private final RuntimeService runtimeService;

    TicketService(TicketUpdates updates, TicketTypeCatalog ticketTypes, RuntimeService runtimeService) {
        this.updates = updates;
        this.ticketTypes = ticketTypes;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public Ticket create(CreateTicketRequest request, String actor) {
        TicketType type = ticketTypes.find(request.type())
                .orElseThrow(() -> new UnknownTicketTypeException(request.type(), ticketTypes.keys()));
        Ticket ticket = updates.open(request.toNewTicket(Channel.api, null), type.defaultGroup(), actor);
        runtimeService.startProcessInstanceByKey(type.key(), ticket.getNumber(), TicketVariables.of(ticket));
        return ticket;
    }

    @Transactional
    public TicketEvent comment(String number, CommentRequest comment, String actor) {
        return updates.addComment(number, comment.visibility() == CommentRequest.Visibility.PUBLIC,
                comment.body().strip(), actor);
    }
}
