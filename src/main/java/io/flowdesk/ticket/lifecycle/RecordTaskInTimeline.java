package io.flowdesk.ticket.lifecycle;

import io.flowdesk.security.Roles;
import io.flowdesk.ticket.Priority;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketFinder;
import io.flowdesk.ticket.TicketUpdates;
import io.flowdesk.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports what happens to a ticket's user tasks: who took it, and what they did when they completed it. A form
 * field {@code publicReply} becomes a public reply, {@code internalNote} an internal note (both then leave the
 * process: the timeline is where they live), and a changed {@code priority} changes the ticket's priority.
 */
class RecordTaskInTimeline extends TicketTaskListener {

    RecordTaskInTimeline(TicketFinder finder, TicketUpdates updates) {
        super(finder, updates);
    }

    @Override
    void notify(Ticket ticket, DelegateTask task) {
        String number = ticket.getNumber();
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            String actor = Actors.current();
            if (isTicketWork(task)) {
                updates.assign(number, task.getAssignee(), actor);
            } else if (task.getAssignee() != null) {
                updates.assignSideTask(number, task.getName(), task.getAssignee(), actor);
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            recordCompletion(number, task);
        }
    }

    /**
     * A task of a department is the ticket's work (the ticket follows its department, see
     * {@link HandTicketToTaskDepartment}); tasks of role groups (escalations to supervisors or managers) leave the
     * owner alone.
     */
    private static boolean isTicketWork(DelegateTask task) {
        return task.getCandidates().stream().map(link -> link.getGroupId()).filter(Objects::nonNull)
                .allMatch(Roles::isDepartment);
    }

    private void recordCompletion(String number, DelegateTask task) {
        String actor = Actors.currentUser(task.getAssignee() != null ? task.getAssignee() : Actors.SYSTEM);
        takeText(task, TicketVariables.INTERNAL_NOTE)
                .ifPresent(note -> updates.addComment(number, false, note, actor));
        takeText(task, TicketVariables.CUSTOMER_MESSAGE).ifPresent(message -> {
            updates.addCustomerMessage(number, message, actor);
            task.getExecution().setVariable(TicketVariables.LATEST_CUSTOMER_MESSAGE, message);
        });
        takeText(task, TicketVariables.PUBLIC_REPLY)
                .ifPresent(reply -> updates.addComment(number, true, reply, actor));
        Object priority = task.getVariable(TicketVariables.PRIORITY);
        if (priority != null) {
            updates.changePriority(number, priorityOf(priority.toString()), actor);
        }
        updates.completeStep(number, task.getName(), actor);
    }

    private static Priority priorityOf(String value) {
        try {
            return Priority.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidTicketVariablesException(TicketVariables.PRIORITY,
                    "priority must be one of " + Arrays.toString(Priority.values()));
        }
    }

    private static Optional<String> takeText(DelegateTask task, String variable) {
        Object value = task.getVariable(variable);
        if (value != null) {
            task.removeVariable(variable);
        }
        return value == null || value.toString().isBlank()
                ? Optional.empty() : Optional.of(value.toString().strip());
    }
}
