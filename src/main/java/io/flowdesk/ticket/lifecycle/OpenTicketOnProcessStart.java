package io.flowdesk.ticket.lifecycle;

import io.flowdesk.ticket.Channel;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketFinder;
import io.flowdesk.ticket.TicketUpdates;
import io.flowdesk.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import java.util.Optional;

/**
 * Makes sure every instance of a ticket process has its ticket, whatever started it. Our REST API stores the
 * ticket first and starts the process with its number as business key: the ticket is only linked. A process
 * started straight through the engine gets its ticket here, from its variables; the caller's business key, if
 * any, is kept as the ticket's external reference and the ticket number becomes the business key.
 */
class OpenTicketOnProcessStart implements ExecutionListener {

    private final TicketFinder finder;
    private final TicketUpdates updates;
    private final TicketFromVariables ticketFromVariables;
    private final String ticketType;
    private final String defaultGroup;

    OpenTicketOnProcessStart(TicketFinder finder, TicketUpdates updates, TicketFromVariables ticketFromVariables,
                             String ticketType, String defaultGroup) {
        this.finder = finder;
        this.updates = updates;
        this.ticketFromVariables = ticketFromVariables;
        this.ticketType = ticketType;
        this.defaultGroup = defaultGroup;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        Optional<Ticket> existing = businessKey == null ? Optional.empty() : finder.find(businessKey);
        if (existing.isPresent()) {
            linkExisting(existing.get(), execution);
            shareWithOpeningSystem(existing.get());
            return;
        }
        var request = ticketFromVariables.read(ticketType, execution.getVariables());
        Ticket ticket = updates.open(request.toNewTicket(Channel.api, businessKey), defaultGroup, Actors.current());
        updates.linkProcess(ticket, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(ticket.getNumber());
        TicketFromVariables.INTAKE_VARIABLES.forEach(execution::removeVariable);
        execution.getVariableNames().stream()
                .filter(TicketFromVariables::isCustomField)
                .toList()
                .forEach(execution::removeVariable);
        execution.setVariables(TicketVariables.of(ticket));
        shareWithOpeningSystem(ticket);
    }

    private void shareWithOpeningSystem(Ticket ticket) {
        if (Actors.isIntegration()) {
            updates.shareWithOpener(ticket);
        }
    }

    private void linkExisting(Ticket ticket, DelegateExecution execution) {
        if (ticket.getProcessInstanceId() != null
                && !ticket.getProcessInstanceId().equals(execution.getProcessInstanceId())) {
            throw new InvalidTicketVariablesException("businessKey",
                    "businessKey " + ticket.getNumber() + " is a ticket that already has its process");
        }
        updates.linkProcess(ticket, execution.getProcessInstanceId());
    }
}
