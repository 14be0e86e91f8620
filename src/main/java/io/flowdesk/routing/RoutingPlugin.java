package io.flowdesk.routing;

import io.flowdesk.common.BpmnProperties;
import io.flowdesk.common.ParseListeners;
import io.flowdesk.ticket.TicketFinder;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;


/**
 * Every user task of a ticket process is assigned by workload when it is created, unless the analyst set
 * {@code flowdesk.assignment=queue} on it (the task then waits in its group's queue).
 */
@Component
class RoutingPlugin extends AbstractProcessEnginePlugin {

    static final String ASSIGNMENT = BpmnProperties.ASSIGNMENT;
    static final String QUEUE = BpmnProperties.ASSIGNMENT_QUEUE;

    /**
     * Looked up when the first task is created, then kept (a provider resolves the bean anew on every call): the
     * assignment needs engine services, which need this plugin first.
     */
    private final SingletonSupplier<WorkloadAssignment> assignment;
    private final TicketFinder tickets;

    RoutingPlugin(ObjectProvider<WorkloadAssignment> assignment, TicketFinder tickets) {
        this.assignment = SingletonSupplier.of(assignment::getObject);
        this.tickets = tickets;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        AssignByWorkload assignByWorkload = new AssignByWorkload(assignment, tickets);
        ParseListeners.addAfterBuiltIn(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (!QUEUE.equals(BpmnProperties.read(element, ASSIGNMENT).orElse(null))) {
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                            .addTaskListener(TaskListener.EVENTNAME_CREATE, assignByWorkload);
                }
            }
        });
    }
}
