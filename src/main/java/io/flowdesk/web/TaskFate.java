package io.flowdesk.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * What became of a task that an action did not find open: completed (by someone who got there first), ended
 * otherwise (its process moved on or was cancelled), still open after all, or never known to the engine.
 *
 * @param name                  the task's name, when known
 * @param rootProcessInstanceId its process instance, or the one that called it when its process is a called step
 *                              (a ticket's process, for the shared steps its tickets call), when known
 * @param endReason             why it ended, when it did ({@code completed}, {@code deleted}, ...)
 */
public record TaskFate(Kind kind, String name, String rootProcessInstanceId, String endReason) {

    public enum Kind { OPEN, COMPLETED, ENDED, UNKNOWN }

    private static final TaskFate UNKNOWN = new TaskFate(Kind.UNKNOWN, null, null, null);

    /**
     * Asked only on the error path. Its historic task instance says whether and how a task ended: one read by primary
     * key; the runtime task is read only when there is no history (history level {@code none}). Neither read checks
     * authorizations: whether a task id once existed tells callers nothing they did not know (they sent the id), and
     * an agent allowed to work a task but not to read its process's history should still hear that it was completed,
     * not that it never was.
     */
    public static TaskFate of(ProcessEngine engine, String taskId) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            HistoricTaskInstanceEntity historic =
                    commandContext.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
            if (historic != null) {
                return new TaskFate(kindOf(historic), historic.getName(), historic.getRootProcessInstanceId(),
                        historic.getDeleteReason());
            }
            TaskEntity open = commandContext.getTaskManager().findTaskById(taskId);
            if (open == null) {
                return UNKNOWN;
            }
            return new TaskFate(Kind.OPEN, open.getName(),
                    open.getProcessInstance() == null ? null : open.getProcessInstance().getRootProcessInstanceId(), null);
        });
    }

    public boolean hasEnded() {
        return kind == Kind.COMPLETED || kind == Kind.ENDED;
    }

    /** What an agent reads: "was already completed", or how else it ended. */
    public String endedPhrase() {
        return kind == Kind.COMPLETED ? "was already completed" : "has already ended (" + endReason + ")";
    }

    private static Kind kindOf(HistoricTaskInstanceEntity historic) {
        if (historic.getEndTime() == null) {
            return Kind.OPEN;
        }
        return TaskEntity.DELETE_REASON_COMPLETED.equals(historic.getDeleteReason()) ? Kind.COMPLETED : Kind.ENDED;
    }
}
