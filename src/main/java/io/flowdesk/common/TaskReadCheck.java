package io.flowdesk.common;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Camunda's check of each row of a task query (may the user read the task, or the tasks of its process definition),
 * made in Java on the rows the query found without it: the same permission checks, decided by Camunda's rules
 * ({@link PermissionDecision}) on one read of the grants. A task of a case passes, as in Camunda's statement.
 */
final class TaskReadCheck {

    private static final String TASK_ID = "RES.ID_";
    private static final String DEFINITION_KEY = "D.KEY_";
    /** Up to this many rows the grants are read by resource id, beyond it all of the user's on the types. */
    private static final int BY_RESOURCE = 100;

    private TaskReadCheck() {
    }

    /**
     * True for a configured query whose check is Camunda's per-row check ("or"ed atomic checks on the row's task id
     * or definition key), revokes included, for a user.
     */
    static boolean applies(AuthorizationCheck check) {
        CompositePermissionCheck checks = check.getPermissionChecks();
        return check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null
                && check.isRevokeAuthorizationCheckEnabled()
                && checks.getCompositeChecks().isEmpty() && !checks.getAtomicChecks().isEmpty()
                && checks.isDisjunctive()
                && checks.getAtomicChecks().stream().allMatch(atomic -> atomic.getResourceId() == null
                && (TASK_ID.equals(atomic.getResourceIdQueryParam())
                || DEFINITION_KEY.equals(atomic.getResourceIdQueryParam())));
    }

    /**
     * The rows the configured query finds without its authorization check and its page, read by {@code statement}:
     * at most {@code limit} + 1 (more than {@code limit}: too many to check here).
     */
    static <T> List<T> rowsWithoutCheck(DbEntityManager db, String statement, TaskQueryImpl query, int limit) {
        AuthorizationCheck authCheck = query.getAuthCheck();
        int first = query.getFirstResult();
        int max = query.getMaxResults();
        query.setFirstResult(0);
        query.setMaxResults(limit + 1);
        authCheck.setAuthorizationCheckEnabled(false);
        try {
            return db.selectList(statement, query);
        } finally {
            authCheck.setAuthorizationCheckEnabled(true);
            query.setFirstResult(first);
            query.setMaxResults(max);
        }
    }

    /** For each row, in order, whether the user may read it. */
    static List<Boolean> readable(List<TaskCheckRow> rows, AuthorizationCheck authCheck) {
        return readable(rows, authCheck, null);
    }

    /**
     * The same, with the grant rows on each of the tasks that bear on the user, as read with them (null: read here,
     * by resource id for a few rows, else all of the user's on tasks and definitions).
     */
    static List<Boolean> readable(List<TaskCheckRow> rows, AuthorizationCheck authCheck,
                                  Map<String, List<GrantRow>> taskGrants) {
        List<CompositePermissionCheck> checks = new ArrayList<>(rows.size());
        List<CompositePermissionCheck> toDecide = new ArrayList<>(rows.size());
        Map<String, String> definitionKeys = new HashMap<>();
        for (TaskCheckRow row : rows) {
            CompositePermissionCheck check = row.caseExecutionId() != null ? null
                    : checksOf(row, authCheck.getPermissionChecks(), definitionKeys);
            checks.add(check);
            if (check != null) {
                toDecide.add(check);
            }
        }
        String user = authCheck.getAuthUserId();
        List<String> groups = authCheck.getAuthGroupIds();
        PermissionDecision decision = toDecide.isEmpty() ? null
                : taskGrants != null ? AuthorizationChecks.decision(user, groups, true, toDecide, taskGrants)
                : AuthorizationChecks.decision(user, groups, true, toDecide, toDecide.size() <= BY_RESOURCE);
        List<Boolean> readable = new ArrayList<>(rows.size());
        for (CompositePermissionCheck check : checks) {
            readable.add(check == null || decision.isAuthorized(check));
        }
        return readable;
    }

    /** The query's per-row checks, for this task's id and its process definition's key (as found before). */
    private static CompositePermissionCheck checksOf(TaskCheckRow row, CompositePermissionCheck perRow,
                                                     Map<String, String> definitionKeys) {
        CompositePermissionCheck checks = new CompositePermissionCheck(true);
        for (PermissionCheck atomic : perRow.getAtomicChecks()) {
            PermissionCheck check = new PermissionCheck();
            check.setPermission(atomic.getPermission());
            check.setResource(atomic.getResource());
            check.setAuthorizationNotFoundReturnValue(atomic.getAuthorizationNotFoundReturnValue());
            check.setResourceId(TASK_ID.equals(atomic.getResourceIdQueryParam()) ? row.id()
                    : definitionKeys.computeIfAbsent(row.processDefinitionId(), TaskReadCheck::definitionKey));
            checks.addAtomicCheck(check);
        }
        return checks;
    }

    /** Null for a task without a process definition: Camunda's join finds no key and its check falls through. */
    private static String definitionKey(String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        return Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(processDefinitionId).getKey();
    }
}
