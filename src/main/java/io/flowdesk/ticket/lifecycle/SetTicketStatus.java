package io.flowdesk.ticket.lifecycle;

import io.flowdesk.ticket.TicketUpdates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/** Moves the ticket to the status the analyst declared on a BPMN element ({@code flowdesk.status}). */
class SetTicketStatus implements ExecutionListener {

    private final TicketUpdates updates;
    private final String status;

    SetTicketStatus(TicketUpdates updates, String status) {
        this.updates = updates;
        this.status = status;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        if (number != null && updates.find(number).isPresent()) {
            updates.changeStatus(number, status, Actors.current());
        }
    }
}
