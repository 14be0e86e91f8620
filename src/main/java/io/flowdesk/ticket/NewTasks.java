package io.flowdesk.ticket;

import io.flowdesk.ticket.TicketViews.TaskView;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user tasks a transaction has opened and not closed again, as the engine made them: what a ticket create
 * answers with, without reading back the rows the transaction has just written. A task listener on every user task
 * (create: noted; complete, delete: gone) that notes only in a transaction that asked for it with {@link #watch()},
 * so task completions and timers pay nothing for it. The assignee is read when asked, so an assignment made after
 * "create" (by another listener, or later in the transaction) is seen; candidate groups are those the task was
 * created with.
 */
@Component
public class NewTasks implements TaskListener {

    /** A task opened in this transaction: the engine's own object, and its candidate groups at creation. */
    private record Opened(DelegateTask task, List<String> candidateGroups) {

        TaskView view() {
            return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
                    candidateGroups, task.getCreateTime().toInstant());
        }
    }

    /** From now until the current transaction ends, the tasks it opens are noted. */
    void watch() {
        TransactionBound.boundOrNew(this, Watched.class, Watched::new);
    }

    @Override
    public void notify(DelegateTask task) {
        if (!(TransactionSynchronizationManager.getResource(this) instanceof Watched watched)) {
            return;
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            watched.opened.put(task.getId(), new Opened(task, candidateGroups(task)));
        } else {
            watched.opened.remove(task.getId());
        }
    }

    /** The open tasks of the process instance that this (watched) transaction created, oldest first. */
    List<TaskView> of(String processInstanceId) {
        if (!(TransactionSynchronizationManager.getResource(this) instanceof Watched watched)) {
            return List.of();
        }
        return watched.opened.values().stream()
                .filter(opened -> Objects.equals(opened.task().getProcessInstanceId(), processInstanceId))
                .map(Opened::view)
                .sorted(Comparator.comparing(TaskView::created).thenComparing(TaskView::id))
                .toList();
    }

    private static List<String> candidateGroups(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .sorted()
                .toList();
    }

    private final class Watched extends TransactionBound {

        private final Map<String, Opened> opened = new LinkedHashMap<>();

        Watched() {
            super(NewTasks.this);
        }
    }
}
