package io.flowdesk.routing;

import io.flowdesk.common.LatestDecisions;
import io.flowdesk.ticket.Ticket;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import java.util.Locale;

/**
 * Asks the analysts' routing table ({@code processes/routing.dmn}, decision {@code routing}) where a ticket
 * goes. The table is the only place routing rules live: editing and redeploying it changes routing for every
 * ticket type.
 */
@Service
public class TicketRouter {

    static final String DECISION_KEY = "routing";

    private final LatestDecisions decisions;

    TicketRouter(LatestDecisions decisions) {
        this.decisions = decisions;
    }

    public RoutingDecision route(Ticket ticket) {
        VariableMap inputs = Variables.createVariables()
                .putValue("ticketType", ticket.getType())
                .putValue("category", ticket.getCategory())
                .putValue("priority", ticket.getPriority().name())
                .putValue("customerTier", ticket.getCustomer().getTier())
                .putValue("channel", ticket.getChannel().name())
                .putValue("region", ticket.getCustomer().getRegion())
                .putValue("text", searchableText(ticket))
                // custom fields, those recognised in the text included: an input column reads fields.orderNumber
                .putValue("fields", ticket.getFields());
        DmnDecisionResultEntries result = decisions.evaluate(DECISION_KEY, inputs).getFirstResult();
        // an output cell left empty in Modeler is no entry at all (getEntry would fail on it)
        String group = result == null ? null : (String) result.get("group");
        String skill = result == null ? null : (String) result.get("requiredSkill");
        return new RoutingDecision(group == null || group.isBlank() ? ticket.getGroup() : group.strip(),
                skill == null || skill.isBlank() ? null : skill.strip());
    }

    private static String searchableText(Ticket ticket) {
        String description = ticket.getDescription() == null ? "" : ticket.getDescription();
        return (ticket.getSubject() + " " + description).toLowerCase(Locale.ROOT);
    }
}
