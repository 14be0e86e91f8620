package io.flowdesk.common;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import org.camunda.bpm.engine.task.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * A task read by its id together with every grant row on it, in one statement ({@value #MAPPER}), when the command
 * that reads it will check the user's permission on it: completing a task, submitting its form, claiming it. The
 * check then decides on these rows ({@link AuthorizationChecks}) instead of reading them with a statement of its own,
 * and when the task ends in the command, its rows are at hand to be given to the task that follows it.
 * <p>
 * A row object of MyBatis (its result map sets the fields); the task goes into the command's entity cache as
 * Camunda's own read of it would put it.
 */
public final class TaskWithGrants {

    static final String MAPPER = "io/flowdesk/common/task-with-grants.xml";
    static final String STATEMENT = "selectTaskWithGrants";
    /** Camunda's task query, each task found with its grant rows ({@link TasksOfOneProcess}). */
    static final String BY_QUERY_STATEMENT = "selectTasksWithGrantsByQueryCriteria";

    private TaskEntity task;
    private List<AuthorizationEntity> grants = new ArrayList<>();

    /**
     * The task (the command's copy if it has one already), its grant rows made known to the command's authorization
     * checks; null if there is no such task.
     */
    static TaskEntity find(DbEntityManager db, String id) {
        TaskEntity cached = db.getDbEntityCache().get(TaskEntity.class, id);
        if (cached != null) {
            return cached;
        }
        TaskWithGrants found = (TaskWithGrants) db.selectOne(STATEMENT, id);
        if (found == null || found.task == null) {
            return null;
        }
        db.onEntityLoaded(found.task);
        AuthorizationChecks.knowTaskGrants(id, found.grants);
        return db.getDbEntityCache().get(TaskEntity.class, id);
    }

    /**
     * The tasks of rows read with {@link #BY_QUERY_STATEMENT}, in their order: each goes into the command's entity
     * cache as Camunda's query would put it (the command's copy stays where it has one), and its grant rows are made
     * known to the command's authorization checks.
     */
    static List<Task> tasksOf(DbEntityManager db, List<TaskWithGrants> rows) {
        List<Task> tasks = new ArrayList<>(rows.size());
        for (TaskWithGrants row : rows) {
            String id = row.task.getId();
            TaskEntity cached = db.getDbEntityCache().get(TaskEntity.class, id);
            if (cached == null) {
                db.onEntityLoaded(row.task);
                AuthorizationChecks.knowTaskGrants(id, row.grants);
                cached = db.getDbEntityCache().get(TaskEntity.class, id);
            }
            tasks.add(cached);
        }
        return tasks;
    }

    /** True where the command's read of a task is followed by a check of the user's permission on it. */
    static boolean willBeChecked(CommandContext commandContext) {
        return Context.getProcessEngineConfiguration().isAuthorizationEnabled()
                && commandContext.isAuthorizationCheckEnabled() && commandContext.getAuthenticatedUserId() != null;
    }

    public void setTask(TaskEntity task) {
        this.task = task;
    }

    public void setGrants(List<AuthorizationEntity> grants) {
        this.grants = grants;
    }
}
