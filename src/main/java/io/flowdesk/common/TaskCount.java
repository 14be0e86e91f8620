package io.flowdesk.common;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A count of a task query (Tasklist counts a filter's tasks with every look at it) with Camunda's answer, checked in
 * Java.
 * <p>
 * Camunda's count makes its per-row check in the statement: up to 24 subqueries for each task of the queue, 0.5 s for
 * a department's 5,000 tasks in the benchmark's backlog of 100,000 open tickets, and both cores busy when a few
 * agents look at once. Here one statement reads the tasks the query finds without the check (their id, definition and
 * case only), each with its grant rows that bear on the user ({@value #MAPPER}); the grants on process definitions
 * and on all tasks come from those kept for a few seconds ({@link TypeGrants}), and each task gets Camunda's check in
 * Java ({@link TaskReadCheck}). More than {@value #ROWS} tasks: Camunda's statement.
 */
final class TaskCount {

    static final String STATEMENT = "selectTaskCheckRowsWithGrants";
    static final String MAPPER = "io/flowdesk/common/task-count.xml";
    static final int ROWS = 50_000;
    private static final int TASK = Resources.TASK.resourceType();

    private TaskCount() {
    }

    /** A task the count's statement found, with one of its grant rows that bear on the user (or none: nulls). */
    record RowWithGrant(String id, String processDefinitionId, String caseExecutionId, Integer type, String userId,
                        String groupId, Integer perms) {
    }

    /** The count of a configured query with Camunda's per-row check ({@link TaskReadCheck#applies}). */
    static long count(DbEntityManager db, TaskQueryImpl query) {
        List<RowWithGrant> found = TaskReadCheck.rowsWithoutCheck(db, STATEMENT, query, ROWS);
        List<TaskCheckRow> tasks = new ArrayList<>();
        Map<String, List<GrantRow>> grants = new HashMap<>();
        for (RowWithGrant row : found) {
            List<GrantRow> rows = grants.get(row.id());
            if (rows == null) {
                tasks.add(new TaskCheckRow(row.id(), row.processDefinitionId(), row.caseExecutionId()));
                rows = new ArrayList<>(2);
                grants.put(row.id(), rows);
            }
            if (row.type() != null) {
                rows.add(new GrantRow(row.type(), row.userId(), row.groupId(), TASK, row.id(), row.perms()));
            }
        }
        if (tasks.size() > ROWS) {
            return (Long) db.selectOne(TaskQueries.CAMUNDA_COUNT, query);
        }
        return TaskReadCheck.readable(tasks, query.getAuthCheck(), grants).stream().filter(Boolean::booleanValue)
                .count();
    }
}
