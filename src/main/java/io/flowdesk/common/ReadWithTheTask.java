package io.flowdesk.common;

import io.flowdesk.engine.EngineSessions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionManager;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What completing a task reads after the task itself, answered from the statement that read the task to be worked on
 * ({@link TaskWithGrants}): the executions of its process instance, its identity links, that it has no sub-tasks and no variables of its own, that it is the
 * only task of its execution, and when it and its activity instance started (their history rows' ends need it).
 * Camunda asks each of these with a statement of its own (eight of a completion's 26); in the command that read the task the same answers come from here, as the database gave them in that read
 * (what the command itself changes stays in its entity cache until its end, as with Camunda's own reads).
 * <p>
 * One per command, held by the engine's task manager ({@link TaskQueries}); the execution, identity link and variable
 * managers and the history writer that ask it are set up by {@link #install}.
 */
final class ReadWithTheTask {

    private final Map<String, List<String>> linkIds = new HashMap<>();
    /** Process instance id to the ids of its executions. */
    private final Map<String, List<String>> executionIds = new HashMap<>();
    private final Set<String> withoutSubtasks = new HashSet<>();
    private final Set<String> withoutLocalVariables = new HashSet<>();
    /** Execution id to its only task's id. */
    private final Map<String, String> onlyTaskOfExecution = new HashMap<>();
    /** When each task read began in the history, and each of their activity instances. */
    private final Map<String, Date> taskStarts = new HashMap<>();
    private final Map<String, Date> activityStarts = new HashMap<>();

    /**
     * The engine's identity link and variable managers and its history writer answer from the command's task reads
     * where they can (the writer is Camunda's own otherwise: in place of the default, beside any custom ones).
     */
    static void install(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, ExecutionManager.class, Executions::new);
        EngineSessions.replace(configuration, IdentityLinkManager.class, Links::new);
        EngineSessions.replace(configuration, VariableInstanceManager.class, Variables::new);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new History());
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /**
     * What the read of the task (put in the command's entity cache) found beside it; its identity links go into the
     * cache as Camunda's read of them would put them.
     */
    void know(DbEntityManager db, TaskEntity task, List<IdentityLinkEntity> links, long subtasks, long localVariables,
              long executionTasks) {
        List<String> ids = new ArrayList<>(links.size());
        for (IdentityLinkEntity link : links) {
            ids.add(cached(db, link).getId());
        }
        linkIds.put(task.getId(), ids);
        if (subtasks == 0) {
            withoutSubtasks.add(task.getId());
        }
        if (localVariables == 0) {
            withoutLocalVariables.add(task.getId());
        }
        if (executionTasks == 1 && task.getExecutionId() != null) {
            onlyTaskOfExecution.put(task.getExecutionId(), task.getId());
        }
    }

    /**
     * The executions of the task's process instance (its tree, which the engine restores before it moves on), put in
     * the command's entity cache as Camunda's read of them would put them.
     */
    void knowExecutions(DbEntityManager db, String processInstanceId, List<ExecutionEntity> executions) {
        if (processInstanceId == null || executions.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(executions.size());
        for (ExecutionEntity execution : executions) {
            ids.add(cached(db, execution).getId());
        }
        executionIds.put(processInstanceId, ids);
    }

    /** When the task and its activity instance began, as the history has it (null where it has no row). */
    void knowStarts(String taskId, Date taskStarted, String activityInstance, Date activityStarted) {
        if (taskStarted != null) {
            taskStarts.put(taskId, taskStarted);
        }
        if (activityInstance != null && activityStarted != null) {
            activityStarts.put(activityInstance, activityStarted);
        }
    }

    /** The start of the task or activity instance that the history event ends, if known, else null. */
    private Date startOf(HistoryEvent event) {
        if (event instanceof HistoricTaskInstanceEventEntity) {
            return taskStarts.get(event.getId());
        }
        return event instanceof HistoricActivityInstanceEventEntity ? activityStarts.get(event.getId()) : null;
    }

    /** The task's sub-tasks if known (none), else null. */
    <T> List<T> subtasks(String taskId) {
        return withoutSubtasks.contains(taskId) ? new ArrayList<>() : null;
    }

    /** The execution's tasks if known (the one task read, as the command holds it), else null. */
    List<TaskEntity> tasksOfExecution(DbEntityManager db, String executionId) {
        String taskId = onlyTaskOfExecution.get(executionId);
        TaskEntity task = taskId == null ? null : db.getDbEntityCache().get(TaskEntity.class, taskId);
        if (task == null) {
            return null;
        }
        List<TaskEntity> tasks = new ArrayList<>(1);
        tasks.add(task);
        return tasks;
    }

    /** The entities of the ids, as the command holds them; null if the ids are not known or one is not held. */
    private static <T extends DbEntity> List<T> held(DbEntityManager db, Class<T> type, List<String> ids) {
        if (ids == null) {
            return null;
        }
        List<T> entities = new ArrayList<>(ids.size());
        for (String id : ids) {
            T entity = db.getDbEntityCache().get(type, id);
            if (entity == null) {
                return null;
            }
            entities.add(entity);
        }
        return entities;
    }

    private static <T extends DbEntity> T cached(DbEntityManager db, T entity) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) entity.getClass();
        if (db.getDbEntityCache().get(type, entity.getId()) == null) {
            db.onEntityLoaded(entity);
        }
        return db.getDbEntityCache().get(type, entity.getId());
    }

    /** The command's task reads, if its task manager is Flowdesk's. */
    private static ReadWithTheTask ofCommand() {
        return Context.getCommandContext().getTaskManager() instanceof TaskQueries.Manager manager
                ? manager.readWithTheTask() : null;
    }

    /** One per command, as every engine session. */
    private static final class Executions extends ExecutionManager {

        @Override
        public List<ExecutionEntity> findExecutionsByProcessInstanceId(String processInstanceId) {
            ReadWithTheTask read = ofCommand();
            List<ExecutionEntity> known = read == null ? null
                    : held(getDbEntityManager(), ExecutionEntity.class, read.executionIds.get(processInstanceId));
            return known != null ? known : super.findExecutionsByProcessInstanceId(processInstanceId);
        }
    }

    /** One per command, as every engine session. */
    private static final class Links extends IdentityLinkManager {

        @Override
        public List<IdentityLinkEntity> findIdentityLinksByTaskId(String taskId) {
            ReadWithTheTask read = ofCommand();
            List<IdentityLinkEntity> known = read == null ? null
                    : held(getDbEntityManager(), IdentityLinkEntity.class, read.linkIds.get(taskId));
            return known != null ? known : super.findIdentityLinksByTaskId(taskId);
        }
    }

    /**
     * Camunda's history writer, which reads the start of a task or activity instance that ends to write its duration:
     * known from the task's read, it is not read again.
     */
    private static final class History extends DbHistoryEventHandler {

        @Override
        protected void insertOrUpdate(HistoryEvent event) {
            if (event instanceof HistoricScopeInstanceEvent scope && !isInitialEvent(event)
                    && getDbEntityManager().getCachedEntity(event.getClass(), event.getId()) == null) {
                ReadWithTheTask read = ofCommand();
                Date started = read == null ? null : read.startOf(event);
                if (started != null) {
                    scope.setStartTime(started);
                    getDbEntityManager().merge(event);
                    return;
                }
            }
            super.insertOrUpdate(event);
        }
    }

    /** One per command, as every engine session. */
    private static final class Variables extends VariableInstanceManager {

        @Override
        public List<VariableInstanceEntity> findVariableInstancesByTaskId(String taskId) {
            return withoutLocalVariables(taskId) ? new ArrayList<>() : super.findVariableInstancesByTaskId(taskId);
        }

        @Override
        public List<VariableInstanceEntity> findVariableInstancesByTaskIdAndVariableNames(String taskId,
                                                                                          Collection<String> names) {
            return withoutLocalVariables(taskId) ? new ArrayList<>()
                    : super.findVariableInstancesByTaskIdAndVariableNames(taskId, names);
        }

        private static boolean withoutLocalVariables(String taskId) {
            ReadWithTheTask read = ofCommand();
            return read != null && read.withoutLocalVariables.contains(taskId);
        }
    }
}
