package io.flowdesk.ticket;

import io.flowdesk.common.Problems;
import io.flowdesk.engine.WithoutAuthorizationChecks;
import io.flowdesk.extraction.FieldExtraction;
import io.flowdesk.security.Viewer;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.tickettype.TicketType;
import io.flowdesk.tickettype.TicketTypeCatalog;
import io.flowdesk.tickettype.UnknownTicketTypeException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
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
    private final TicketQueries queries;
    private final NewTasks newTasks;
    private final NewTickets newTickets;
    private final TicketAccess access;
    private final WithoutAuthorizationChecks withoutChecks;
    private final FieldExtraction extraction;

    TicketService(TicketUpdates updates, TicketTypeCatalog ticketTypes, RuntimeService runtimeService,
                  TicketQueries queries, NewTasks newTasks, NewTickets newTickets, TicketAccess access,
                  WithoutAuthorizationChecks withoutChecks, FieldExtraction extraction) {
        this.updates = updates;
        this.ticketTypes = ticketTypes;
        this.runtimeService = runtimeService;
        this.queries = queries;
        this.newTasks = newTasks;
        this.newTickets = newTickets;
        this.access = access;
        this.withoutChecks = withoutChecks;
        this.extraction = extraction;
    }

    /**
     * The new ticket as the API shows it, from what this transaction stored and its process opened. The process
     * starts without the engine's checks: who may open tickets is decided here, by role.
     */
    @Transactional
    public TicketDetails create(CreateTicketRequest request, Viewer viewer) {
        if (!viewer.mayOpenTickets()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed", "Analysts do not open tickets");
        }
        TicketType type = ticketTypes.find(request.type())
                .orElseThrow(() -> new UnknownTicketTypeException(request.type(), ticketTypes.keys()));
        CreateTicketRequest checked = request.withFields(
                extraction.fieldsOf(type, request.fields(), request.subject(), request.description()));
        Ticket ticket = updates.open(checked.toNewTicket(Channel.api, null), type.defaultGroup(), viewer.userId());
        newTasks.watch(); // the answer shows the tasks the process start opens
        withoutChecks.run(() -> runtimeService.startProcessInstanceById(type.processDefinitionId(),
                ticket.getNumber(), TicketVariables.of(ticket)));
        newTickets.store(); // as its process start left it; its SLA clocks with it, for the answer
        return queries.detailsOfNew(ticket);
    }

    /** A reply or internal note, by someone who works on the ticket. */
    @Transactional
    public TicketEvent comment(String number, CommentRequest comment, Viewer viewer) {
        access.workable(updates.find(number).orElseThrow(() -> new TicketNotFoundException(number)), viewer);
        return updates.addComment(number, comment.visibility() == CommentRequest.Visibility.PUBLIC,
                comment.body().strip(), viewer.userId());
    }
}
