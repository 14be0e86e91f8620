package io.flowdesk.ticket;

import io.flowdesk.ticket.TicketViews.TaskView;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user tasks the current transaction has opened and not closed again, as the engine made them: what a ticket
 * create answers with, without reading back the rows the transaction has just written. A task listener on every
 * user task of a ticket process (create: noted; complete, delete: gone). The assignee is read when asked, so an
 * assignment made after "create" (by another listener, or later in the transaction) is seen; candidate groups are
 * those the task was created with.
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

    @Override
    public void notify(DelegateTask task) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Map<String, Opened> opened = openedInTransaction();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            opened.put(task.getId(), new Opened(task, candidateGroups(task)));
        } else {
            opened.remove(task.getId());
        }
    }

    /** The open tasks of the process instance that this transaction created, oldest first. */
    List<TaskView> of(String processInstanceId) {
        if (!(TransactionSynchronizationManager.getResource(this) instanceof Pending pending)) {
            return List.of();
        }
        return pending.opened.values().stream()
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

    private Map<String, Opened> openedInTransaction() {
        if (TransactionSynchronizationManager.getResource(this) instanceof Pending pending) {
            return pending.opened;
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.bindResource(this, pending);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending.opened;
    }

    private final class Pending implements TransactionSynchronization {

        private final Map<String, Opened> opened = new LinkedHashMap<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(NewTasks.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(NewTasks.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(NewTasks.this);
        }
    }
}
