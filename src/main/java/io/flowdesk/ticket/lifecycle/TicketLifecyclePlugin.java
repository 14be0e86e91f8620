package io.flowdesk.ticket.lifecycle;

import io.flowdesk.ticket.TicketUpdates;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Registers the ticket lifecycle bindings with the engine before it parses any process. */
@Component
class TicketLifecyclePlugin extends AbstractProcessEnginePlugin {

    private final TicketUpdates updates;
    private final TicketFromVariables ticketFromVariables;

    TicketLifecyclePlugin(TicketUpdates updates, TicketFromVariables ticketFromVariables) {
        this.updates = updates;
        this.ticketFromVariables = ticketFromVariables;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new TicketLifecycleParseListener(updates, ticketFromVariables));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
