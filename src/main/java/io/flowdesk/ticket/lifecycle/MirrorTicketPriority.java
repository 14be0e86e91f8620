package io.flowdesk.ticket.lifecycle;

import io.flowdesk.ticket.Priority;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketFinder;
import io.flowdesk.ticket.TicketUpdates;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** A ticket's task carries the ticket's priority as Camunda task priority, so Tasklist sorts urgent work first. */
class MirrorTicketPriority extends TicketTaskListener {

    MirrorTicketPriority(TicketFinder finder, TicketUpdates updates) {
        super(finder, updates);
    }

    static int taskPriority(Priority priority) {
        return switch (priority) {
            case urgent -> 100;
            case high -> 75;
            case normal -> 50;
            case low -> 25;
        };
    }

    @Override
    void notify(Ticket ticket, DelegateTask task) {
        int priority = taskPriority(ticket.getPriority());
        if (task.getPriority() < priority) {
            task.setPriority(priority);
        }
    }
}
