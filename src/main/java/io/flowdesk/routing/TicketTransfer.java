package io.flowdesk.routing;

import io.flowdesk.common.Problems;
import io.flowdesk.ticket.Ticket;
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

    TicketTransfer(TicketUpdates updates, RuntimeService runtimeService, TaskService taskService,
                   IdentityService identityService, WorkloadAssignment assignment) {
        this.updates = updates;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.assignment = assignment;
    }

    @Transactional
    public void transfer(String number, String group, String requiredSkill, String reason, String actor) {
        Ticket ticket = updates.find(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            List<String> groups = identityService.createGroupQuery().list().stream().map(Group::getId).sorted()
                    .toList();
            throw Problems.badField("group", "is not a group; groups: " + String.join(", ", groups));
        }
        String processInstanceId = ticket.getProcessInstanceId();
        if (processInstanceId == null
                || runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            throw Problems.of(HttpStatus.CONFLICT, "Ticket has no open work",
                    "Ticket " + number + " is finished; there is nothing to hand over");
        }
        String previousGroup = ticket.getGroup();
        runtimeService.setVariable(processInstanceId, TicketVariables.GROUP, group);
        runtimeService.setVariable(processInstanceId, TicketVariables.REQUIRED_SKILL, requiredSkill);
        updates.transfer(number, group, reason, actor);
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskCandidateGroup(previousGroup).includeAssignedTasks().list()) {
            taskService.deleteCandidateGroup(task.getId(), previousGroup);
            taskService.addCandidateGroup(task.getId(), group);
            taskService.setAssignee(task.getId(), null);
            assignment.pickAgent(group, requiredSkill, null)
                    .ifPresent(agent -> taskService.setAssignee(task.getId(), agent));
        }
    }
}
