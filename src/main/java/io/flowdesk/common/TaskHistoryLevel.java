package io.flowdesk.common;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.bpmn.behavior.ExternalTaskActivityBehavior;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.migration.instance.MigratingActivityInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

import java.util.Set;

/**
 * History level {@code tasks}: Camunda's {@code activity} level without the activity instances of the engine's
 * plumbing. Process instances and task instances are kept whole (who worked which step, when, for how long), and
 * activity instances are kept for what happened to a ticket: its user tasks and other wait states, and its
 * events (timers that fired, messages, "reopened", "closed", "auto-closed"). Not kept: gateways, automatic tasks
 * (service, script, business-rule, send; external tasks are waits and are kept), embedded sub-process scopes and
 * none start events. They run inside the transaction of the step around them, the engine wrote several per step
 * (each into a table with eleven indexes), and nothing reads them: reporting reads the ticket tables and the
 * timeline, which record routing, SLA clocks and escalations.
 * <p>
 * The choice is made per activity, so an activity instance's start, updates and end are all written or all
 * skipped. Stored in the database as history level {@value #ID}.
 */
public final class TaskHistoryLevel extends AbstractHistoryLevel {

    public static final int ID = 11;
    public static final String NAME = "tasks";

    private static final Set<String> PLUMBING = Set.of(
            ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_PARALLEL,
            ActivityTypes.GATEWAY_COMPLEX, ActivityTypes.GATEWAY_EVENT_BASED,
            ActivityTypes.TASK, ActivityTypes.TASK_MANUAL_TASK, ActivityTypes.TASK_SCRIPT, ActivityTypes.TASK_SERVICE,
            ActivityTypes.TASK_BUSINESS_RULE, ActivityTypes.TASK_SEND_TASK,
            ActivityTypes.SUB_PROCESS, ActivityTypes.SUB_PROCESS_AD_HOC, ActivityTypes.TRANSACTION,
            ActivityTypes.MULTI_INSTANCE_BODY, ActivityTypes.START_EVENT);

    private static final Set<HistoryEventType> ACTIVITY_INSTANCE_EVENTS = Set.of(
            HistoryEventTypes.ACTIVITY_INSTANCE_START, HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE,
            HistoryEventTypes.ACTIVITY_INSTANCE_END, HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (ACTIVITY_INSTANCE_EVENTS.contains(eventType)) {
            // no entity: the engine asks whether such events exist at all (when it binds its history listeners)
            return entity == null || isRecorded(activityOf(entity));
        }
        return HistoryLevel.HISTORY_LEVEL_ACTIVITY.isHistoryEventProduced(eventType, entity);
    }

    private static boolean isRecorded(CoreModelElement activity) {
        if (activity == null) {
            return true;
        }
        if (activity instanceof ActivityImpl impl && impl.getActivityBehavior() instanceof ExternalTaskActivityBehavior) {
            return true;
        }
        return !PLUMBING.contains((String) activity.getProperty("type"));
    }

    /** The activity an event is about, found as Camunda's history event producer finds it. */
    private static CoreModelElement activityOf(Object entity) {
        CoreModelElement activity = null;
        if (entity instanceof ExecutionEntity execution) {
            activity = execution.getActivity() != null ? execution.getActivity() : execution.getEventSource();
        } else if (entity instanceof MigratingActivityInstance migrating) {
            activity = migrating.getSourceScope(); // the row to update is the one written for the source activity
        }
        return activity;
    }
}
