package io.flowdesk.routing;

import io.flowdesk.security.DepartmentMemberAssignment;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketFinder;
import io.flowdesk.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When a ticket's user task is created for a group, it goes straight to the agent {@link WorkloadAssignment}
 * picks. The skill the routing table asked for applies to the ticket's own group; tasks for other groups
 * (supervisors, managers) need no skill.
 */
class AssignByWorkload implements TaskListener {

    private final Supplier<WorkloadAssignment> assignment;
    private final TicketFinder tickets;

    AssignByWorkload(Supplier<WorkloadAssignment> assignment, TicketFinder tickets) {
        this.assignment = assignment;
        this.tickets = tickets;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null) {
            return;
        }
        String number = task.getExecution().getProcessBusinessKey();
        Optional<Ticket> ticket = number == null ? Optional.empty() : tickets.find(number);
        Optional<String> group = task.getCandidates().stream()
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).findFirst();
        if (ticket.isEmpty() || group.isEmpty()) {
            return;
        }
        // the ticket's variables live on the process, not on the new task: asking the task first costs a query
        boolean ticketGroup = group.get().equals(task.getExecution().getVariable(TicketVariables.GROUP));
        String skill = ticketGroup ? (String) task.getExecution().getVariable(TicketVariables.REQUIRED_SKILL) : null;
        String keepWith = ticketGroup ? ticket.get().getAssignee() : null;
        assignment.get().pickAgent(group.get(), skill, keepWith)
                .ifPresent(agent -> DepartmentMemberAssignment.assign(task, agent));
    }
}
