package io.flowdesk.ticket;

import io.flowdesk.routing.AgentProfiles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** Completes a ticket's tasks in the engine as an agent of the task's department, who claims it if unassigned. */
final class DepartmentAgents {

    private final TaskService taskService;
    private final IdentityService identityService;
    /** The departments that work the ticket, with the agent who claims a task no one was assigned. */
    private final Map<String, String> agentOf;

    DepartmentAgents(TaskService taskService, IdentityService identityService, Map<String, String> agentOf) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.agentOf = agentOf;
    }

    /**
     * Completes the ticket's one open work task (in its process or the shared step it calls; not an escalation
     * task) as an agent of its department: its assignee, else the department's agent who claims it.
     */
    void work(ProcessInstance instance, Map<String, ?> formValues) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskCandidateGroupIn(List.copyOf(agentOf.keySet())).includeAssignedTasks().singleResult();
        assertThat(task).as("one open work task").isNotNull();
        complete(task, departmentOf(task), formValues);
    }

    void complete(Task task, String group, Map<String, ?> formValues) {
        String agent = task.getAssignee();
        if (agent == null) {
            agent = agentOf.get(group);
            taskService.claim(task.getId(), agent);
        }
        identityService.setAuthentication(agent, List.of(group));
        BpmnAwareTests.complete(task, new HashMap<>(formValues));
        identityService.clearAuthentication();
    }

    private String departmentOf(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(agentOf::containsKey).findFirst().orElseThrow();
    }

    /**
     * The escalation task went to that agent by workload, or, when other tests of the shared context have filled the
     * agent's capacity, waits in its group's queue: what workload assignment does either way.
     */
    static void assertAssignedUnlessFull(Task task, String agent, AgentProfiles profiles) {
        if (task.getAssignee() == null) {
            AgentProfiles.AgentView view = profiles.list().stream().filter(a -> a.userId().equals(agent)).findFirst()
                    .orElseThrow();
            org.assertj.core.api.Assertions.assertThat(view.openTasks()).as(task.getName() + " left in the queue: " + agent + " must be full")
                    .isGreaterThanOrEqualTo(view.capacity());
        } else {
            org.assertj.core.api.Assertions.assertThat(task.getAssignee()).as(task.getName()).isEqualTo(agent);
        }
    }
}
