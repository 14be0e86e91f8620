package io.flowdesk.ticket.lifecycle;

import io.flowdesk.common.BpmnProperties;
import io.flowdesk.ticket.NewTasks;
import io.flowdesk.ticket.TicketFinder;
import io.flowdesk.ticket.TicketUpdates;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Binds ticket processes to the ticket model as the analyst declared it in the BPMN, so that no Java changes
 * when a process does: a process marked {@code flowdesk.ticketType=true} opens (or links) a ticket when it
 * starts; an element with {@code flowdesk.status} moves the ticket to that status when it is reached; every
 * user task reports assignment and completion to the ticket's timeline.
 */
class TicketLifecycleParseListener extends AbstractBpmnParseListener {

    private final TicketFinder finder;
    private final TicketUpdates updates;
    private final TicketFromVariables ticketFromVariables;
    private final RecordTaskInTimeline recordTaskInTimeline;
    /** {@link MirrorTicketPriority}, then {@link HandTicketToTaskDepartment}: one lookup of the ticket per new task. */
    private final TicketTaskListener onTaskCreated;
    private final NewTasks newTasks;

    TicketLifecycleParseListener(TicketFinder finder, TicketUpdates updates, TicketFromVariables ticketFromVariables,
                                 NewTasks newTasks) {
        this.finder = finder;
        this.updates = updates;
        this.ticketFromVariables = ticketFromVariables;
        this.recordTaskInTimeline = new RecordTaskInTimeline(finder, updates);
        this.onTaskCreated = TicketTaskListener.both(new MirrorTicketPriority(finder, updates),
                new HandTicketToTaskDepartment(finder, updates));
        this.newTasks = newTasks;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        boolean ticketType = BpmnProperties.read(processElement, BpmnProperties.TICKET_TYPE)
                .map(Boolean::parseBoolean).orElse(false);
        if (ticketType) {
            String defaultGroup = BpmnProperties.read(processElement, BpmnProperties.DEFAULT_GROUP)
                    .orElse(BpmnProperties.FALLBACK_GROUP);
            processDefinition.addListener(ExecutionListener.EVENTNAME_START,
                    new OpenTicketOnProcessStart(finder, updates, ticketFromVariables, processDefinition.getKey(),
                            defaultGroup));
        }
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, onTaskCreated);
        task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, recordTaskInTimeline);
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, recordTaskInTimeline);
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, newTasks);
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, newTasks);
        task.addTaskListener(TaskListener.EVENTNAME_DELETE, newTasks);
        bindStatus(element, activity);
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindStatus(element, activity);
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindStatus(element, activity);
    }

    @Override
    public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindStatus(element, activity);
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindStatus(element, activity);
    }

    @Override
    public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindStatus(element, activity);
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindStatus(element, activity);
    }

    @Override
    public void parseManualTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindStatus(element, activity);
    }

    @Override
    public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindStatus(element, activity);
    }

    @Override
    public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindStatus(element, activity);
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindStatus(element, activity);
    }

    @Override
    public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindStatus(element, activity);
    }

    @Override
    public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
        BpmnProperties.read(element, BpmnProperties.STATUS).ifPresent(status ->
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, new SetTicketStatus(updates, status)));
    }

    private void bindStatus(Element element, ActivityImpl activity) {
        BpmnProperties.read(element, BpmnProperties.STATUS).ifPresent(status ->
                activity.addListener(ExecutionListener.EVENTNAME_START, new SetTicketStatus(updates, status)));
    }
}
