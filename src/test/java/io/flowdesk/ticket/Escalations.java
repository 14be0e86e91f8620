package io.flowdesk.ticket;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * A ticket's escalation tasks (督办) as the ticket types' tests find them: tasks of the shared step
 * processes/ticket-escalation.bpmn that the type calls with the ticket's number as business key, one per reason.
 */
final class Escalations {

    static final String PROCESS = "ticketEscalation";
    static final String SUPERVISORS_TASK = "supervisorsFollowUpTicket";
    static final String MANAGERS_TASK = "managersFollowUpTicket";

    /** The reasons the types pass as escalationReason. */
    static final String LATE_FIRST_RESPONSE = "lateFirstResponse";
    static final String RESOLUTION_BREACHED = "resolutionBreached";
    static final String BREACH_PERSISTS = "breachPersists";

    private final TaskService taskService;

    Escalations(TaskService taskService) {
        this.taskService = taskService;
    }

    /** The ticket's open escalation task for that reason, or null. */
    Task task(String number, String reason) {
        return taskService.createTaskQuery().processInstanceBusinessKey(number).processDefinitionKey(PROCESS)
                .processVariableValueEquals("escalationReason", reason).singleResult();
    }

    /** How many escalation tasks the ticket has open. */
    long open(String number) {
        return taskService.createTaskQuery().processInstanceBusinessKey(number).processDefinitionKey(PROCESS).count();
    }
}
