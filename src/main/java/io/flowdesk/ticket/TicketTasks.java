package io.flowdesk.ticket;

import io.flowdesk.common.Problems;
import io.flowdesk.security.Viewer;
import io.flowdesk.web.EngineConflicts;
import io.flowdesk.web.TaskFate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import java.util.Map;
import java.util.Optional;

/**
 * An agent's actions on the open tasks of a ticket, thin over the engine's {@link TaskService} and as the request's
 * user, so that the engine checks what they may do. What another agent did first is an answer (409), not an error: a
 * task someone else holds, a task completed already, or two completions at once, of which the engine lets one
 * through.
 *
 * <p>Deliberately not transactional, but for reading the ticket and checking the viewer: each engine call commits
 * inside, so that whatever its commit meets (a deadlock the database broke, a row changed meanwhile) is caught here
 * and answered.
 */
@Service
public class TicketTasks {

    private static final Logger log = LoggerFactory.getLogger(TicketTasks.class);

    private final TicketUpdates updates;
    private final TaskService taskService;
    private final ProcessEngine engine;
    private final TicketAccess access;
    private final TransactionTemplate readOnly;

    TicketTasks(TicketUpdates updates, TaskService taskService, ProcessEngine engine, TicketAccess access,
                PlatformTransactionManager transactions) {
        this.updates = updates;
        this.taskService = taskService;
        this.engine = engine;
        this.access = access;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public void claim(String number, String taskId, Viewer viewer) {
        act(number, taskId, viewer, () -> taskService.claim(taskId, viewer.userId()));
    }

    /** Back to the queue: a supervisor's act (the engine checks TASK_ASSIGN). */
    public void unclaim(String number, String taskId, Viewer viewer) {
        act(number, taskId, viewer, () -> taskService.setAssignee(taskId, null));
    }

    public void complete(String number, String taskId, Map<String, Object> variables, Viewer viewer) {
        act(number, taskId, viewer, () -> taskService.complete(taskId, variables));
    }

    /** On a ticket the viewer works on (else 404 or 403), the engine's own checks decide about the task itself. */
    private void act(String number, String taskId, Viewer viewer, Runnable action) {
        // in a transaction of its own: whether the viewer's departments held the ticket before reads its departments
        Ticket ticket = readOnly.execute(status -> access.workable(
                updates.find(number).orElseThrow(() -> new TicketNotFoundException(number)), viewer));
        Task task = openTask(ticket, taskId);
        try {
            action.run();
        } catch (RuntimeException e) {
            ErrorResponseException answer = answer(number, task, e).orElseThrow(() -> e);
            log.debug("{}: task {} ({}): {}", number, task.getName(), taskId, answer.getBody().getDetail());
            throw answer;
        }
    }

    /** The task if it is open in the ticket's process (or one it calls); else a 409 if it was the ticket's and has ended, else 404. */
    private Task openTask(Ticket ticket, String taskId) {
        String processInstanceId = ticket.getProcessInstanceId();
        // the ticket's number is the business key of its process and of the shared steps it calls
        Task task = processInstanceId == null ? null : taskService.createTaskQuery().taskId(taskId)
                .processInstanceBusinessKey(ticket.getNumber()).singleResult();
        if (task != null) {
            return task;
        }
        TaskFate fate = TaskFate.of(engine, taskId);
        if (fate.hasEnded() && processInstanceId != null && processInstanceId.equals(fate.rootProcessInstanceId())) {
            throw ended(ticket.getNumber(), taskId, fate);
        }
        throw withTaskId(Problems.of(HttpStatus.NOT_FOUND, "Task not found",
                "Ticket " + ticket.getNumber() + " has no open task " + taskId), taskId);
    }

    private Optional<ErrorResponseException> answer(String number, Task task, RuntimeException e) {
        String step = task.getName() + " of " + number;
        Optional<TaskAlreadyClaimedException> claimed = EngineConflicts.claimedByOther(e);
        if (claimed.isPresent()) {
            return Optional.of(conflict("Task already claimed",
                    "Task already claimed by " + claimed.get().getTaskAssignee() + ": " + step, task.getId()));
        }
        if (EngineConflicts.isConcurrentModification(e)) {
            return Optional.of(conflict("Task changed concurrently", "Task changed concurrently, nothing was stored:"
                    + " someone else worked on " + step + " at the same moment; reload the ticket and try again",
                    task.getId()));
        }
        Optional<FormFieldValidationException> invalid = EngineConflicts.cause(e, FormFieldValidationException.class);
        if (invalid.isPresent()) {
            Object field = invalid.get().getDetail(); // the variable, for the ticket's own checks
            return Optional.of(Problems.badField(field instanceof String name ? "variables." + name : "variables",
                    invalid.get().getMessage()));
        }
        // whatever else the engine tripped over, a task completed by someone else meanwhile is the reason
        TaskFate fate = TaskFate.of(engine, task.getId());
        return fate.hasEnded() ? Optional.of(ended(number, task.getId(), fate)) : Optional.empty();
    }

    private static ErrorResponseException ended(String number, String taskId, TaskFate fate) {
        String step = fate.name() + " of " + number;
        if (fate.kind() == TaskFate.Kind.COMPLETED) {
            return conflict("Task already completed",
                    "Task already completed: " + step + " was completed before this request; see the ticket's current"
                            + " tasks", taskId);
        }
        return conflict("Task no longer open", "Task no longer open: " + step + " " + fate.endedPhrase(), taskId);
    }

    private static ErrorResponseException conflict(String title, String detail, String taskId) {
        return withTaskId(Problems.of(HttpStatus.CONFLICT, title, detail), taskId);
    }

    private static ErrorResponseException withTaskId(ErrorResponseException problem, String taskId) {
        problem.getBody().setProperty("taskId", taskId);
        return problem;
    }
}
