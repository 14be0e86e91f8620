package io.flowdesk.common;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tasks of one ticket (a task query by process instance or business key) with Camunda's answer, checked in Java.
 * <p>
 * With authorization checks on, Camunda checks each task of a query in its statement: for a task, up to 24 {@code
 * EXISTS} subqueries (may the user read the task, or the tasks of its process definition), a statement of 5,000
 * characters that the JDBC driver and the database parse and plan for every lookup, however few tasks it finds. A
 * ticket has a task or two, so here the query runs without the check (its conditions, sorting and tenant check
 * unchanged, without its page), the grants that bear on the tasks found are read with one short statement, each task
 * is checked by Camunda's rules ({@link PermissionDecision}) with the same permission checks Camunda would make, and
 * the page is cut from what is left. More than {@value #ROWS} tasks (not one ticket's): Camunda's statement.
 */
final class TasksOfOneProcess {

    static final int ROWS = 200;
    private static final String TASK_ID = "RES.ID_";
    private static final String DEFINITION_KEY = "D.KEY_";

    private TasksOfOneProcess() {
    }

    /**
     * A query (configured) for the tasks of one process instance or business key, whose authorization check is
     * Camunda's per-row check on the task and its definition, revokes included.
     */
    static boolean applies(TaskQueryImpl query) {
        AuthorizationCheck check = query.getAuthCheck();
        return (query.getProcessInstanceId() != null || query.getProcessInstanceBusinessKey() != null)
                && check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null
                && check.isRevokeAuthorizationCheckEnabled()
                && query.getFirstResult() >= 0 && query.getMaxResults() > 0
                && perRowChecks(check.getPermissionChecks());
    }

    /** "Or"ed atomic checks on the row's task id or definition key, as Camunda configures a task query. */
    private static boolean perRowChecks(CompositePermissionCheck checks) {
        return checks.getCompositeChecks().isEmpty() && !checks.getAtomicChecks().isEmpty() && checks.isDisjunctive()
                && checks.getAtomicChecks().stream().allMatch(atomic -> atomic.getResourceId() == null
                && (TASK_ID.equals(atomic.getResourceIdQueryParam())
                || DEFINITION_KEY.equals(atomic.getResourceIdQueryParam())));
    }

    static List<Task> list(DbEntityManager db, TaskQueryImpl query) {
        AuthorizationCheck authCheck = query.getAuthCheck();
        int first = query.getFirstResult();
        int max = query.getMaxResults();
        List<Task> found;
        query.setFirstResult(0);
        query.setMaxResults(ROWS + 1);
        authCheck.setAuthorizationCheckEnabled(false);
        try {
            found = db.selectList(TaskQueries.CAMUNDA_STATEMENT, query);
        } finally {
            authCheck.setAuthorizationCheckEnabled(true);
            query.setFirstResult(first);
            query.setMaxResults(max);
        }
        if (found.size() > ROWS) {
            return db.selectList(TaskQueries.CAMUNDA_STATEMENT, query);
        }
        List<Task> readable = readable(found, authCheck);
        int from = Math.min(first, readable.size());
        return new ArrayList<>(readable.subList(from, (int) Math.min((long) from + max, readable.size())));
    }

    /** The tasks the user may read: a task of a case (no definition key check applies), or one the checks allow. */
    private static List<Task> readable(List<Task> tasks, AuthorizationCheck authCheck) {
        List<CompositePermissionCheck> checks = new ArrayList<>();
        for (Task task : tasks) {
            checks.add(task.getCaseExecutionId() != null ? null
                    : checksOf((TaskEntity) task, authCheck.getPermissionChecks()));
        }
        List<CompositePermissionCheck> toRead = checks.stream().filter(Objects::nonNull).toList();
        PermissionDecision decision = toRead.isEmpty() ? null : AuthorizationChecks.decision(
                authCheck.getAuthUserId(), authCheck.getAuthGroupIds(), true, toRead);
        List<Task> readable = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (checks.get(i) == null || decision.isAuthorized(checks.get(i))) {
                readable.add(tasks.get(i));
            }
        }
        return readable;
    }

    /** The query's per-row checks, for this task's id and its process definition's key. */
    private static CompositePermissionCheck checksOf(TaskEntity task, CompositePermissionCheck perRow) {
        CompositePermissionCheck checks = new CompositePermissionCheck(true);
        for (PermissionCheck atomic : perRow.getAtomicChecks()) {
            PermissionCheck check = new PermissionCheck();
            check.setPermission(atomic.getPermission());
            check.setResource(atomic.getResource());
            check.setAuthorizationNotFoundReturnValue(atomic.getAuthorizationNotFoundReturnValue());
            check.setResourceId(TASK_ID.equals(atomic.getResourceIdQueryParam()) ? task.getId()
                    : definitionKey(task));
            checks.addAtomicCheck(check);
        }
        return checks;
    }

    /** Null for a task without a process definition: Camunda's join finds no key and its check falls through. */
    private static String definitionKey(TaskEntity task) {
        if (task.getProcessDefinitionId() == null) {
            return null;
        }
        return Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getKey();
    }
}
