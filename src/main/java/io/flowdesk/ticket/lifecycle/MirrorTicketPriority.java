package io.flowdesk.ticket.lifecycle;

import io.flowdesk.ticket.Priority;
import io.flowdesk.ticket.TicketUpdates;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** A ticket's task carries the ticket's priority as Camunda task priority, so Tasklist sorts urgent work first. */
class MirrorTicketPriority implements TaskListener {

    private final TicketUpdates updates;

    MirrorTicketPriority(TicketUpdates updates) {
        this.updates = updates;
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
    public void notify(DelegateTask task) {
        String number = task.getExecution().getProcessBusinessKey();
        if (number != null) {
            updates.find(number).ifPresent(ticket -> {
                int priority = taskPriority(ticket.getPriority());
                if (task.getPriority() < priority) {
                    task.setPriority(priority);
                }
            });
        }
    }
}
