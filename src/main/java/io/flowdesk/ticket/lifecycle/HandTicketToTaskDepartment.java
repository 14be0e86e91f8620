package io.flowdesk.ticket.lifecycle;

import io.flowdesk.security.Roles;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketUpdates;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import java.util.Objects;

/**
 * A user task offered to a department that does not hold the ticket (a hand-off drawn in the flow: the warehouse
 * checks a return, finance refunds it) shares the ticket with that department, in the transaction that creates the
 * task. Tasks of the department that holds the ticket, and escalations to role groups, change nothing.
 */
class ShareTicketWithTaskDepartments extends TicketTaskListener {

    ShareTicketWithTaskDepartments(TicketUpdates updates) {
        super(updates);
    }

    @Override
    void notify(Ticket ticket, DelegateTask task) {
        task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .filter(Roles::isDepartment)
                .forEach(department -> updates.offerTo(ticket.getNumber(), department));
    }
}
