package io.flowdesk.tickettype;

import io.flowdesk.common.BpmnProperties;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a BPMN file against the ticket-type convention before the engine deploys it, so that an analyst learns of
 * a broken model from Modeler's deploy dialog rather than from the first agent whose ticket gets stuck. Every
 * executable process is checked for its {@code flowdesk.*} properties and SLA calls, which act wherever they are;
 * a process marked {@code flowdesk.ticketType=true} also for its user tasks, routing and SLA clocks.
 */
final class TicketTypeChecks {

    private TicketTypeChecks() {
    }

    static List<ConventionFinding> check(Element definitions, DeployedForms forms) {
        List<ConventionFinding> findings = new ArrayList<>();
        for (Element process : definitions.elements("process")) {
            boolean ticketType = isTicketType(process);
            if (!Boolean.parseBoolean(process.attribute("isExecutable"))) {
                if (ticketType) {
                    findings.add(ConventionFinding.warning(process, "ticket type that is not executable, so the"
                            + " engine deploys nothing of it; tick Executable in Modeler (General) if it is ready"));
                }
                continue; // the engine skips it too
            }
            findings.addAll(PropertyChecks.check(process, ticketType));
            findings.addAll(SlaCallChecks.check(process));
            if (ticketType) {
                findings.addAll(new UserTaskChecks(forms).check(process));
                findings.addAll(RoutingCheck.check(process));
                findings.addAll(slaClocks(process));
            }
        }
        return findings;
    }

    /** As the ticket lifecycle reads it. */
    private static boolean isTicketType(Element process) {
        return BpmnElements.properties(process).stream()
                .filter(property -> BpmnProperties.TICKET_TYPE.equals(property.name()))
                .findFirst().map(property -> Boolean.parseBoolean(property.value())).orElse(false);
    }

    /** A ticket type without SLA clocks may be meant (internal requests), so this only warns. */
    private static List<ConventionFinding> slaClocks(Element process) {
        boolean startsClocks = BpmnElements.allFlowElements(process).stream()
                .anyMatch(element -> TicketTypeConvention.callsBean(BpmnElements.camunda(element,
                        "delegateExpression"), TicketTypeConvention.SLA_CLOCKS_BEAN));
        if (startsClocks) {
            return List.of();
        }
        return List.of(ConventionFinding.warning(process, "ticket type that starts no SLA clocks, so its tickets"
                + " get no first-response or resolution deadline; add a service task with Delegate expression ${"
                + TicketTypeConvention.SLA_CLOCKS_BEAN + "} after ${" + TicketTypeConvention.ROUTING_BEAN
                + "} if they should"));
    }
}
