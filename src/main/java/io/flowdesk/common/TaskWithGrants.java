package io.flowdesk.common;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
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
    static final String WITH_GRANT_COLUMNS = "selectTasksWithGrantColumns";
    private static final String FIELD_END = "\u001f";
    private static final char ROW_END = '\u001e';

    private String taskId;
    private TaskEntity task;
    private List<AuthorizationEntity> grants = new ArrayList<>();
    private String grantColumns;
    private int grantCount;

    /**
     * The tasks a configured query finds without its check and page (up to {@code limit} + 1), on MySQL and MariaDB,
     * each read with its grant rows, which are made known to the command's checks.
     */
    static List<Task> listWithGrants(DbEntityManager db, TaskQueryImpl query, int limit) {
        List<TaskWithGrants> found = TaskReadCheck.rowsWithoutCheck(db, WITH_GRANT_COLUMNS, query, limit);
        List<Task> tasks = new ArrayList<>(found.size());
        for (TaskWithGrants row : found) {
            db.onEntityLoaded(row.task);
            tasks.add(db.getDbEntityCache().get(TaskEntity.class, row.taskId));
            List<AuthorizationEntity> rows = row.grantsOfColumns();
            if (rows != null) {
                AuthorizationChecks.knowTaskGrants(row.taskId, rows);
            }
        }
        return tasks;
    }

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
     * The grant rows of the task's column, or null if they do not read as written (a field or row too many or too few,
     * or fewer than counted: MySQL cuts a group_concat at group_concat_max_len): the check then reads them itself.
     */
    List<AuthorizationEntity> grantsOfColumns() {
        String columns = grantColumns == null ? "" : grantColumns;
        List<AuthorizationEntity> rows = new ArrayList<>();
        int start = 0;
        while (start < columns.length()) {
            int end = columns.indexOf(ROW_END, start);
            String[] fields = end < 0 ? new String[0] : columns.substring(start, end).split(FIELD_END, -1);
            if (fields.length != 4) {
                return null;
            }
            AuthorizationEntity row = new AuthorizationEntity();
            try {
                row.setAuthorizationType(Integer.parseInt(fields[0]));
                row.setPermissions(Integer.parseInt(fields[3]));
            } catch (NumberFormatException e) {
                return null;
            }
            row.setUserId(fields[1].isEmpty() ? null : fields[1]);
            row.setGroupId(fields[2].isEmpty() ? null : fields[2]);
            row.setResourceType(Resources.TASK.resourceType());
            row.setResourceId(taskId);
            rows.add(row);
            start = end + 1;
        }
        return rows.size() == grantCount ? rows : null;
    }

    /** True where the command's read of a task is followed by a check of the user's permission on it. */
    static boolean willBeChecked(CommandContext commandContext) {
        return Context.getProcessEngineConfiguration().isAuthorizationEnabled()
                && commandContext.isAuthorizationCheckEnabled() && commandContext.getAuthenticatedUserId() != null;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTask(TaskEntity task) {
        this.task = task;
    }

    public void setGrants(List<AuthorizationEntity> grants) {
        this.grants = grants;
    }

    public void setGrantColumns(String grantColumns) {
        this.grantColumns = grantColumns;
    }

    public void setGrantCount(int grantCount) {
        this.grantCount = grantCount;
    }
}
