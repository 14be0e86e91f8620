package io.flowdesk.ticket.lifecycle;

import io.flowdesk.security.Roles;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketFinder;
import io.flowdesk.ticket.TicketUpdates;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import java.util.List;
import java.util.Objects;

/**
 * A user task offered to a department that does not hold the ticket is a hand-off drawn in the flow (the warehouse
 * checks a return, finance refunds it, engineering looks at a fault): that department holds the ticket from then on
 * (its group, and the task's assignee as its owner), the timeline says who handed it from where to whom at which
 * step, and the departments that held it before still see it. All in the transaction that creates the task.
 * <p>
 * A task offered to several departments hands the ticket to the first unless the holder is among them; the others
 * see the ticket. Tasks of the department that holds the ticket, and escalations to role groups (supervisors,
 * managers), change nothing: where an escalation is open beside the work, the ticket shows the work's department.
 */
class HandTicketToTaskDepartment extends TicketTaskListener {

    HandTicketToTaskDepartment(TicketFinder finder, TicketUpdates updates) {
        super(finder, updates);
    }

    @Override
    void notify(Ticket ticket, DelegateTask task) {
        List<String> departments = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .filter(Roles::isDepartment)
                .toList();
        if (departments.isEmpty() || departments.contains(ticket.getGroup())) {
            departments.forEach(department -> updates.offerTo(ticket.getNumber(), department));
            return;
        }
        updates.handOff(ticket.getNumber(), departments.get(0), task.getName(), task.getAssignee(), Actors.current());
        departments.stream().skip(1).forEach(department -> updates.offerTo(ticket.getNumber(), department));
    }
}
