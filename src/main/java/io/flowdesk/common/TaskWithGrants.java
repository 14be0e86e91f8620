package io.flowdesk.common;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

import java.util.ArrayList;
import java.util.Date;
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
    /** Read by id only ({@value #STATEMENT}): what completing the task reads next. */
    private List<IdentityLinkEntity> links = new ArrayList<>();
    private List<ExecutionEntity> executions = new ArrayList<>();
    private long subtasks;
    private long localVariables;
    private long executionTasks;
    private Date taskStarted;
    private String activityInstance;
    private Date activityStarted;

    /**
     * The task (the command's copy if it has one already), its grant rows made known to the command's authorization
     * checks and what completing it reads next to {@code read}; null if there is no such task.
     */
    static TaskEntity find(DbEntityManager db, String id, ReadWithTheTask read) {
        TaskEntity cached = db.getDbEntityCache().get(TaskEntity.class, id);
        if (cached != null) {
            return cached;
        }
        TaskWithGrants found = (TaskWithGrants) db.selectOne(STATEMENT, id);
        if (found == null || found.task == null) {
            return null;
        }
        TaskEntity task = found.loaded(db);
        if (task == found.task) {
            read.know(db, task, found.links, found.subtasks, found.localVariables, found.executionTasks);
            read.knowExecutions(db, task.getProcessInstanceId(), found.executions);
            read.knowStarts(task.getId(), found.taskStarted, found.activityInstance, found.activityStarted);
        }
        return task;
    }

    /**
     * The tasks the configured query finds without its check and page (up to {@code limit} + 1,
     * {@link TaskReadCheck#rowsWithoutCheck}), in its order, each read with its grant rows, which are made known to
     * the command's checks.
     */
    static List<Task> list(DbEntityManager db, TaskQueryImpl query, int limit) {
        List<TaskWithGrants> rows = TaskReadCheck.rowsWithoutCheck(db, BY_QUERY_STATEMENT, query, limit);
        List<Task> tasks = new ArrayList<>(rows.size());
        for (TaskWithGrants row : rows) {
            tasks.add(row.loaded(db));
        }
        return tasks;
    }

    /**
     * The task as the command's entity cache holds it (put there as Camunda's own read would put it, unless the
     * command has its copy already), its grant rows made known to the command's authorization checks.
     */
    private TaskEntity loaded(DbEntityManager db) {
        String id = task.getId();
        TaskEntity cached = db.getDbEntityCache().get(TaskEntity.class, id);
        if (cached != null) {
            return cached;
        }
        db.onEntityLoaded(task);
        AuthorizationChecks.knowTaskGrants(id, grants);
        return db.getDbEntityCache().get(TaskEntity.class, id);
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

    public void setLinks(List<IdentityLinkEntity> links) {
        this.links = links;
    }

    public void setExecutions(List<ExecutionEntity> executions) {
        this.executions = executions;
    }

    public void setSubtasks(long subtasks) {
        this.subtasks = subtasks;
    }

    public void setLocalVariables(long localVariables) {
        this.localVariables = localVariables;
    }

    public void setExecutionTasks(long executionTasks) {
        this.executionTasks = executionTasks;
    }

    public void setTaskStarted(Date taskStarted) {
        this.taskStarted = taskStarted;
    }

    public void setActivityInstance(String activityInstance) {
        this.activityInstance = activityInstance;
    }

    public void setActivityStarted(Date activityStarted) {
        this.activityStarted = activityStarted;
    }
}
