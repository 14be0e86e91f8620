package io.flowdesk.sla;

import io.flowdesk.common.LatestDecisions;
import io.flowdesk.ticket.Ticket;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** Asks the analysts' SLA table ({@code processes/sla-policy.dmn}, decision {@code slaPolicy}) for a ticket's terms. */
@Service
class SlaPolicy {

    static final String DECISION_KEY = "slaPolicy";

    private final LatestDecisions decisions;

    SlaPolicy(LatestDecisions decisions) {
        this.decisions = decisions;
    }

    SlaTerms termsFor(Ticket ticket) {
        DmnDecisionResultEntries result = decisions.evaluate(DECISION_KEY, Variables.createVariables()
                .putValue("priority", ticket.getPriority().name())
                .putValue("customerTier", ticket.getCustomer().getTier())
                .putValue("ticketType", ticket.getType())
                .putValue("category", ticket.getCategory()))
                .getFirstResult();
        if (result == null) {
            return SlaTerms.FALLBACK;
        }
        return new SlaTerms(
                number(result, "firstResponseMinutes", SlaTerms.FALLBACK.firstResponseMinutes()),
                number(result, "resolutionMinutes", SlaTerms.FALLBACK.resolutionMinutes()),
                number(result, "warningPercent", SlaTerms.FALLBACK.warningPercent()),
                number(result, "secondLevelPercent", SlaTerms.FALLBACK.secondLevelPercent()),
                result.get("calendar") == null ? SlaTerms.FALLBACK.calendar() : result.get("calendar").toString());
    }

    private static int number(DmnDecisionResultEntries result, String name, int fallback) {
        Object value = result.get(name);
        return value instanceof Number number && number.intValue() > 0 ? number.intValue() : fallback;
    }
}
