package io.flowdesk.sla;

import io.flowdesk.ticket.Priority;
import io.flowdesk.ticket.TicketUpdates;
import io.flowdesk.ticket.TicketVariables;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the BPMN's SLA timers do ({@code ${slaEscalation.warn(execution, 'resolution')}}, {@code breach},
 * {@code escalateSecondLevel}). Each is recorded once; breach and second level return whether this was the first
 * time, so the process opens one supervisor (manager) task, not one per re-entry.
 */
@Component("slaEscalation")
public class SlaEscalation {

    /** Camunda task priority of an at-risk ticket's tasks and of a breached one's: Tasklist sorts them first. */
    static final int AT_RISK_TASK_PRIORITY = 90;
    static final int BREACHED_TASK_PRIORITY = 100;

    private final SlaClocks clocks;
    private final TicketUpdates updates;
    private final TaskService taskService;

    SlaEscalation(SlaClocks clocks, TicketUpdates updates, TaskService taskService) {
        this.clocks = clocks;
        this.updates = updates;
        this.taskService = taskService;
    }

    /** Tells the people working the ticket that its deadline is near. */
    public void warn(DelegateExecution execution, String target) {
        List<? extends Task> tasks = openTasks(execution);
        String notified = tasks.stream().map(Task::getAssignee).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
        if (clocks.warn(execution.getProcessBusinessKey(), SlaTarget.of(target),
                notified.isEmpty() ? "group " + execution.getVariable(TicketVariables.GROUP) : notified)) {
            raiseTaskPriority(tasks, AT_RISK_TASK_PRIORITY);
        }
    }

    /** The deadline passed: the ticket goes to the highest priority and to the supervisors. */
    public boolean breach(DelegateExecution execution, String target) {
        String number = execution.getProcessBusinessKey();
        boolean first = clocks.breach(number, SlaTarget.of(target));
        if (first) {
            updates.changePriority(number, Priority.urgent, "system");
            execution.setVariable(TicketVariables.PRIORITY, Priority.urgent.name());
            raiseTaskPriority(openTasks(execution), BREACHED_TASK_PRIORITY);
        }
        return first;
    }

    /** The breach persists: managers are brought in. */
    public boolean escalateSecondLevel(DelegateExecution execution, String target) {
        return clocks.escalateSecondLevel(execution.getProcessBusinessKey(), SlaTarget.of(target));
    }

    /**
     * The process instance's tasks by the engine's own plain statement, in the timer job's command: a task query
     * builds its SQL through hundreds of OGNL conditions, a quarter of an SLA timer job's CPU in a profile.
     */
    private List<? extends Task> openTasks(DelegateExecution execution) {
        return Context.getCommandContext().getTaskManager()
                .findTasksByProcessInstanceId(execution.getProcessInstanceId());
    }

    private void raiseTaskPriority(List<? extends Task> tasks, int priority) {
        tasks.stream().filter(task -> task.getPriority() < priority)
                .forEach(task -> taskService.setPriority(task.getId(), priority));
    }
}
