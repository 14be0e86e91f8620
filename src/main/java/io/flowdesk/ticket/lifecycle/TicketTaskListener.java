package io.flowdesk.ticket.lifecycle;

import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketFinder;
import io.flowdesk.ticket.TicketUpdates;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** A listener on the user tasks of ticket processes: told of the tasks whose process has a ticket, with it. */
abstract class TicketTaskListener implements TaskListener {

    private final TicketFinder finder;
    protected final TicketUpdates updates;

    TicketTaskListener(TicketFinder finder, TicketUpdates updates) {
        this.finder = finder;
        this.updates = updates;
    }

    /** One listener that tells both, in this order, with one lookup of the ticket. */
    static TicketTaskListener both(TicketTaskListener first, TicketTaskListener second) {
        return new TicketTaskListener(first.finder, first.updates) {
            @Override
            void notify(Ticket ticket, DelegateTask task) {
                first.notify(ticket, task);
                second.notify(ticket, task);
            }
        };
    }

    @Override
    public final void notify(DelegateTask task) {
        String number = task.getExecution().getProcessBusinessKey();
        if (number != null) {
            finder.find(number).ifPresent(ticket -> notify(ticket, task));
        }
    }

    abstract void notify(Ticket ticket, DelegateTask task);
}
