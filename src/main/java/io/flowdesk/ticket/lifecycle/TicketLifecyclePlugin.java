package io.flowdesk.ticket.lifecycle;

import io.flowdesk.common.ParseListeners;
import io.flowdesk.ticket.NewTasks;
import io.flowdesk.ticket.TicketFinder;
import io.flowdesk.ticket.TicketUpdates;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Registers the ticket lifecycle bindings with the engine before it parses any process. */
@Component
class TicketLifecyclePlugin extends AbstractProcessEnginePlugin {

    private final TicketFinder finder;
    private final TicketUpdates updates;
    private final TicketFromVariables ticketFromVariables;
    private final NewTasks newTasks;

    TicketLifecyclePlugin(TicketFinder finder, TicketUpdates updates, TicketFromVariables ticketFromVariables,
                          NewTasks newTasks) {
        this.finder = finder;
        this.updates = updates;
        this.ticketFromVariables = ticketFromVariables;
        this.newTasks = newTasks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addAfterBuiltIn(configuration, new TicketLifecycleParseListener(finder, updates,
                ticketFromVariables, newTasks));
    }
}
