package io.flowdesk.tickettype;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes the engine parse every BPMN deployment with the ticket-type checks ({@link ConventionCheckedBpmnParse}):
 * the start-up deployment, engine REST (Camunda Modeler) and the Java API alike.
 */
@Component
class TicketTypeChecksPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getBpmnParseFactory() != null
                && !(configuration.getBpmnParseFactory() instanceof DefaultBpmnParseFactory)) {
            // two parse factories cannot both be in force; failing here beats deploying unchecked models silently
            throw new IllegalStateException("The ticket-type checks need the engine's BPMN parse factory, but "
                    + configuration.getBpmnParseFactory().getClass().getName() + " is set");
        }
        configuration.setBpmnParseFactory(ConventionCheckedBpmnParse::new);
    }
}
