package io.flowdesk.common;

import io.flowdesk.engine.EngineSessions;
import io.flowdesk.engine.EngineStatements;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * The engine's task queries, with Camunda's answers for less work where three kinds of query cost the most with
 * authorization checks on: the tasks of one ticket ({@link TasksOfOneProcess}: how a system or an agent finds the task
 * to complete), a count ({@link TaskCount}: Tasklist counts a queue with every look) and a page of a queue newest
 * first on MariaDB ({@link TaskListWithoutDistinct}: Tasklist's list). Every other task query is Camunda's statement
 * unchanged. A task read by its id in a command that will check the user's permission on it (complete, submit a form,
 * claim) comes with its grant rows and what completing it reads next ({@link TaskWithGrants}, {@link ReadWithTheTask}).
 */
@Component
class TaskQueries extends AbstractProcessEnginePlugin {

    static final String CAMUNDA_STATEMENT = "selectTaskByQueryCriteria";
    static final String CAMUNDA_COUNT = "selectTaskCountByQueryCriteria";
    private static final String MARIADB = "mariadb";
    /** Databases whose page is a plain LIMIT (TaskCount's statement, the tasks of one ticket with their grant rows). */
    private static final Set<String> LIMIT_DATABASES = Set.of(DbSqlSessionFactory.H2, DbSqlSessionFactory.MYSQL,
            MARIADB, DbSqlSessionFactory.POSTGRES);

    private volatile boolean onMariaDb;
    private volatile boolean plainLimit;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, TaskManager.class, Manager::new);
        ReadWithTheTask.install(configuration);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        onMariaDb = (DbSqlSessionFactory.MYSQL.equals(configuration.getDatabaseType())
                || MARIADB.equals(configuration.getDatabaseType()))
                && TaskListWithoutDistinct.knowsLimitPreference(configuration.getDataSource());
        if (onMariaDb) {
            EngineStatements.add(configuration.getSqlSessionFactory().getConfiguration(),
                    TaskListWithoutDistinct.MAPPER);
        }
        EngineStatements.add(configuration.getSqlSessionFactory().getConfiguration(), TaskWithGrants.MAPPER);
        plainLimit = LIMIT_DATABASES.contains(configuration.getDatabaseType());
        if (plainLimit) {
            EngineStatements.add(configuration.getSqlSessionFactory().getConfiguration(), TaskCount.MAPPER);
        }
    }

    /** One per command, as every engine session. */
    final class Manager extends TaskManager {

        private final ReadWithTheTask readWithTheTask = new ReadWithTheTask();

        ReadWithTheTask readWithTheTask() {
            return readWithTheTask;
        }

        /**
         * A task read to be worked on: with its grant rows and what completing it reads next, when the command will
         * check the user's permission.
         */
        @Override
        public TaskEntity findTaskById(String id) {
            return TaskWithGrants.willBeChecked(Context.getCommandContext())
                    ? TaskWithGrants.find(getDbEntityManager(), id, readWithTheTask) : super.findTaskById(id);
        }

        @Override
        public List<Task> findTasksByParentTaskId(String parentTaskId) {
            List<Task> known = readWithTheTask.subtasks(parentTaskId);
            return known != null ? known : super.findTasksByParentTaskId(parentTaskId);
        }

        @Override
        public List<TaskEntity> findTasksByExecutionId(String executionId) {
            List<TaskEntity> known = readWithTheTask.tasksOfExecution(getDbEntityManager(), executionId);
            return known != null ? known : super.findTasksByExecutionId(executionId);
        }

        @Override
        public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
            configureQuery(query);
            if (TasksOfOneProcess.applies(query)) {
                return TasksOfOneProcess.list(getDbEntityManager(), query, plainLimit);
            }
            if (onMariaDb && TaskListWithoutDistinct.newestOrOldestFirst(query)) {
                return TaskListWithoutDistinct.list(getDbEntityManager(), query);
            }
            return getDbEntityManager().selectList(CAMUNDA_STATEMENT, query);
        }

        @Override
        public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
            configureQuery(query);
            if (plainLimit && TaskReadCheck.applies(query.getAuthCheck())) {
                return TaskCount.count(getDbEntityManager(), query);
            }
            return (Long) getDbEntityManager().selectOne(CAMUNDA_COUNT, query);
        }
    }
}
