package io.flowdesk.ticket;

import io.flowdesk.ticket.TicketViews.TicketDetails;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** Works a ticket's steps by task key in the engine as the demo agents, each signed in with its own groups. */
final class DemoAgents {

    private final TaskService taskService;
    private final IdentityService identityService;
    /** The demo agent who takes a group's task from its queue. */
    private final Map<String, String> agentOf;
    /** The demo agents' groups (application.yml), to act as each of them. */
    private final Map<String, List<String>> groupsOf;

    DemoAgents(TaskService taskService, IdentityService identityService, Map<String, String> agentOf,
               Map<String, List<String>> groupsOf) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.agentOf = agentOf;
        this.groupsOf = groupsOf;
    }

    /** The ticket's open task of that step, in its process or in the shared step it calls. */
    Task task(String taskKey, String number) {
        return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
                .singleResult();
    }

    /**
     * Completes the step as its assignee (assigned by workload), with the groups that agent has; a task left in its
     * group's queue (the test context's other tests may have filled an agent's capacity) is claimed by the group's
     * demo agent first.
     */
    void work(String number, String taskKey, Map<String, ?> formValues) {
        Task task = task(taskKey, number);
        assertThat(task).as("open task " + taskKey).isNotNull();
        if (task.getAssignee() == null) { // queued: every agent of its group is away or at capacity in this context
            String agent = agentOf.get(candidateGroup(task));
            identityService.setAuthentication(agent, groupsOf.get(agent));
            taskService.claim(task.getId(), agent);
            identityService.clearAuthentication();
            task = task(taskKey, number);
        }
        identityService.setAuthentication(task.getAssignee(), groupsOf.get(task.getAssignee()));
        taskService.complete(task.getId(), new HashMap<>(formValues));
        identityService.clearAuthentication();
    }

    /** The ticket's owner is the open task's assignee: that agent, or nobody while the task waits in the queue. */
    void assertHeldBy(TicketDetails ticket, String number, String taskKey, String agent) {
        String assignee = task(taskKey, number).getAssignee();
        assertThat(assignee).as("assigned by workload to " + agent + ", or queued").isIn(agent, null);
        assertThat(ticket.assignee()).isEqualTo(assignee);
    }

    /** Offered to the group, and assigned to its demo agent unless that agent is at capacity in this context. */
    static void assertOfferedTo(Task task, String group, String agent) {
        assertThat(task).hasCandidateGroupAssociated(group);
        assertThat(task.getAssignee()).as("assigned by workload to " + agent + ", or queued").isIn(agent, null);
    }

    private String candidateGroup(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElseThrow();
    }
}
