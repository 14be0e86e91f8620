package io.flowdesk.common;

import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.task.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * The tasks of one ticket (a task query by process instance or business key) with Camunda's answer, checked in Java.
 * <p>
 * With authorization checks on, Camunda checks each task of a query in its statement: for a task, up to 24 {@code
 * EXISTS} subqueries (may the user read the task, or the tasks of its process definition), a statement of 5,000
 * characters that the JDBC driver and the database parse and plan for every lookup, however few tasks it finds. A
 * ticket has a task or two, so here the query runs without the check (its conditions, sorting and tenant check
 * unchanged, without its page), each task found gets Camunda's check in Java ({@link TaskReadCheck}, on the grant
 * rows read with the tasks in the same statement where the database allows: {@link TaskWithGrants}), and the page is
 * cut from what is left. More than {@value #ROWS} tasks (not one ticket's): Camunda's statement.
 */
final class TasksOfOneProcess {

    static final int ROWS = 200;

    private TasksOfOneProcess() {
    }

    /** A query (configured) for the tasks of one process instance or business key, with Camunda's per-row check. */
    static boolean applies(TaskQueryImpl query) {
        return (query.getProcessInstanceId() != null || query.getProcessInstanceBusinessKey() != null)
                && query.getFirstResult() >= 0 && query.getMaxResults() > 0
                && TaskReadCheck.applies(query.getAuthCheck());
    }

    /**
     * True if the query's order is on the task's own columns only, which the derived table of
     * {@link TaskWithGrants#BY_QUERY_STATEMENT} keeps for its outer order (not by a variable, nor by a lower-cased
     * name).
     */
    static boolean readsWithGrants(TaskQueryImpl query) {
        return !query.isTaskNameCaseInsensitive()
                && query.getOrderingProperties().stream().allMatch(QueryOrderingProperty::isContainedProperty);
    }

    /**
     * @param withGrants read each task with its grant rows in the same statement (on databases whose page is a plain
     *                   {@code LIMIT}, for a query ordered by the task's own columns: {@link #readsWithGrants}), so
     *                   that the check reads none
     */
    static List<Task> list(DbEntityManager db, TaskQueryImpl query, boolean withGrants) {
        int first = query.getFirstResult();
        int max = query.getMaxResults();
        List<Task> found = withGrants && readsWithGrants(query) ? TaskWithGrants.list(db, query, ROWS)
                : TaskReadCheck.rowsWithoutCheck(db, TaskQueries.CAMUNDA_STATEMENT, query, ROWS);
        if (found.size() > ROWS) {
            return db.selectList(TaskQueries.CAMUNDA_STATEMENT, query);
        }
        List<Boolean> readable = TaskReadCheck.readable(found.stream()
                .map(task -> new TaskCheckRow(task.getId(), task.getProcessDefinitionId(), task.getCaseExecutionId()))
                .toList(), query.getAuthCheck());
        List<Task> page = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < found.size() && page.size() < max; i++) {
            if (readable.get(i) && skipped++ >= first) {
                page.add(found.get(i));
            }
        }
        return page;
    }
}
