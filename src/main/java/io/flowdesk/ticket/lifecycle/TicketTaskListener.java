package io.flowdesk.ticket.lifecycle;

import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketUpdates;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** A listener on the user tasks of ticket processes: told of the tasks whose process has a ticket, with it. */
abstract class TicketTaskListener implements TaskListener {

    protected final TicketUpdates updates;

    TicketTaskListener(TicketUpdates updates) {
        this.updates = updates;
    }

    @Override
    public final void notify(DelegateTask task) {
        String number = task.getExecution().getProcessBusinessKey();
        if (number != null) {
            updates.find(number).ifPresent(ticket -> notify(ticket, task));
        }
    }

    abstract void notify(Ticket ticket, DelegateTask task);
}
