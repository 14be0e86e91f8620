package io.flowdesk.common;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;

import java.util.List;

/**
 * A count of a task query (Tasklist counts a filter's tasks with every look at it) with Camunda's answer, checked in
 * Java.
 * <p>
 * Camunda's count makes its per-row check in the statement: up to 24 subqueries for each task of the queue, 0.5 s for
 * a department's 5,000 tasks in the benchmark's backlog of 100,000 open tickets, and both cores busy when a few
 * agents look at once. Here the tasks the query finds are read without the check (their id, definition and case
 * only), the user's grants on tasks and process definitions are read once, and each task gets Camunda's check in Java
 * ({@link TaskReadCheck}). More than {@value #ROWS} tasks: Camunda's statement.
 */
final class TaskCount {

    static final String STATEMENT = "selectTaskCheckRows";
    static final String MAPPER = "io/flowdesk/common/task-count.xml";
    static final int ROWS = 50_000;

    private TaskCount() {
    }

    /** The count of a configured query with Camunda's per-row check ({@link TaskReadCheck#applies}). */
    static long count(DbEntityManager db, TaskQueryImpl query) {
        List<TaskCheckRow> found = TaskReadCheck.rowsWithoutCheck(db, STATEMENT, query, ROWS);
        if (found.size() > ROWS) {
            return (Long) db.selectOne(TaskQueries.CAMUNDA_COUNT, query);
        }
        return TaskReadCheck.readable(found, query.getAuthCheck()).stream().filter(Boolean::booleanValue).count();
    }
}
