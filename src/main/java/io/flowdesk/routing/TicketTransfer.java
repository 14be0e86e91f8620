package io.flowdesk.routing;

import io.flowdesk.audit.AuditAction;
import io.flowdesk.audit.AuditLog;
import io.flowdesk.common.Problems;
import io.flowdesk.engine.WithoutAuthorizationChecks;
import io.flowdesk.security.Roles;
import io.flowdesk.security.Viewer;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketAccess;
import io.flowdesk.ticket.TicketNotFoundException;
import io.flowdesk.ticket.TicketUpdates;
import io.flowdesk.ticket.TicketVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Hands a ticket over to another group (department): its open tasks for the old group move to the new one and
 * are assigned by workload there, exactly as a newly routed task would be.
 */
@Service
public class TicketTransfer {

    private final TicketUpdates updates;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final WorkloadAssignment assignment;
    private final TicketAccess access;
    private final WithoutAuthorizationChecks withoutChecks;
    private final AuditLog audit;

    TicketTransfer(TicketUpdates updates, RuntimeService runtimeService, TaskService taskService,
                   IdentityService identityService, WorkloadAssignment assignment, TicketAccess access,
                   WithoutAuthorizationChecks withoutChecks, AuditLog audit) {
        this.updates = updates;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.assignment = assignment;
        this.access = access;
        this.withoutChecks = withoutChecks;
        this.audit = audit;
    }

    /**
     * Hands the ticket on, if the viewer's department holds it (or they supervise it, or see every ticket). Each
     * engine call runs without the engine's checks, in a command of its own: the right to hand a ticket on is
     * decided here, and the new department's agents are granted its tasks as they move.
     */
    @Transactional
    public void transfer(String number, String group, String requiredSkill, String reason, Viewer viewer) {
        Ticket ticket = access.heldByViewer(
                updates.find(number).orElseThrow(() -> new TicketNotFoundException(number)), viewer);
        if (!Roles.isDepartment(group)
                || withoutChecks.call(() -> identityService.createGroupQuery().groupId(group).count()) == 0) {
            List<String> departments = withoutChecks.call(() -> identityService.createGroupQuery().list()).stream()
                    .map(Group::getId).filter(Roles::isDepartment).sorted().toList();
            throw Problems.badField("group", "is not a department; departments: " + String.join(", ", departments));
        }
        String processInstanceId = ticket.getProcessInstanceId();
        if (processInstanceId == null || withoutChecks.call(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceId(processInstanceId).count()) == 0) {
            throw Problems.of(HttpStatus.CONFLICT, "Ticket has no open work",
                    "Ticket " + number + " is finished; there is nothing to hand over");
        }
        String previousGroup = ticket.getGroup();
        withoutChecks.run(() -> {
            runtimeService.setVariable(processInstanceId, TicketVariables.GROUP, group);
            runtimeService.setVariable(processInstanceId, TicketVariables.REQUIRED_SKILL, requiredSkill);
        });
        updates.transfer(number, group, reason, viewer.userId());
        audit.record(AuditAction.TICKET_TRANSFERRED, "ticket", number,
                previousGroup + " → " + group + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()));
        List<Task> tasks = withoutChecks.call(() -> taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskCandidateGroup(previousGroup).includeAssignedTasks().list());
        for (Task task : tasks) {
            withoutChecks.run(() -> taskService.deleteCandidateGroup(task.getId(), previousGroup));
            withoutChecks.run(() -> taskService.addCandidateGroup(task.getId(), group));
            withoutChecks.run(() -> taskService.setAssignee(task.getId(), null));
            assignment.pickAgent(group, requiredSkill, null)
                    .ifPresent(agent -> withoutChecks.run(() -> taskService.setAssignee(task.getId(), agent)));
        }
    }
}
