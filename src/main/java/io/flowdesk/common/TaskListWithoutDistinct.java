package io.flowdesk.common;

import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.task.Task;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A department's queue in Tasklist read newest first in milliseconds, not seconds, on MariaDB.
 * <p>
 * Camunda reads a task list with {@code select distinct}, as a task joined with its identity links may come twice.
 * That costs the database the whole queue for every page: it joins each of the department's tasks (5,000 of them in
 * the benchmark's backlog of 100,000 open tickets), checks the user's authorization for each, removes duplicates,
 * sorts and only then keeps the first 15 (1.3 s for one look with authorization checks, by hand). Without
 * {@code distinct}, and told to prefer such a plan where it is cheaper ({@code optimizer_join_limit_pref_ratio},
 * MariaDB 10.6.17 / 10.11.7 and later; see the statement for two plans it is kept from), MariaDB walks a big queue's
 * tasks in the order asked for and stops after the page (33 ms), and still reads a small or empty queue from its
 * identity links (30 ms).
 * <p>
 * So for a page of tasks sorted by creation time, up to {@value #ROWS} rows deep, the engine's task manager reads
 * the rows up to the page's end without {@code distinct}; if a task came twice among them (a task with two of the
 * user's candidate groups) it asks Camunda's own statement instead, so the answer is always Camunda's. Other
 * databases (MySQL 8 included), sortings and deeper pages are Camunda's statement unchanged ({@link TaskQueries}).
 */
final class TaskListWithoutDistinct {

    static final String STATEMENT = "selectTaskListWithoutDistinct";
    static final int ROWS = 1000;
    static final String MAPPER = "io/flowdesk/common/task-list-without-distinct.xml";

    private TaskListWithoutDistinct() {
    }

    /** MariaDB from 10.6.17 / 10.11.7 on; MySQL and older MariaDB answer "unknown system variable". */
    static boolean knowsLimitPreference(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeQuery("select @@optimizer_join_limit_pref_ratio").close();
            return true;
        } catch (SQLException unknown) {
            return false;
        }
    }

    /** Sorted by creation time only, a page that ends within the first {@value #ROWS} rows. */
    static boolean newestOrOldestFirst(TaskQueryImpl query) {
        List<QueryOrderingProperty> sorting = query.getOrderingProperties();
        return sorting.size() == 1
                && sorting.get(0).getRelation() == null
                && TaskQueryProperty.CREATE_TIME.getName().equals(sorting.get(0).getQueryProperty().getName())
                && query.getFirstResult() >= 0
                && query.getMaxResults() > 0
                && (long) query.getFirstResult() + query.getMaxResults() <= ROWS;
    }

    /** The page, read without distinct (or by Camunda's statement if a task comes twice); the query is configured. */
    static List<Task> list(DbEntityManager db, TaskQueryImpl query) {
        int first = query.getFirstResult();
        int max = query.getMaxResults();
        List<Task> rows;
        query.setFirstResult(0);
        query.setMaxResults(first + max);
        try {
            rows = db.selectList(STATEMENT, query);
        } finally {
            query.setFirstResult(first);
            query.setMaxResults(max);
        }
        if (comesTwice(rows)) {
            return db.selectList(TaskQueries.CAMUNDA_STATEMENT, query);
        }
        return new ArrayList<>(rows.subList(Math.min(first, rows.size()), rows.size()));
    }

    private static boolean comesTwice(List<Task> rows) {
        Set<String> ids = new HashSet<>();
        return !rows.stream().allMatch(task -> ids.add(task.getId()));
    }
}
