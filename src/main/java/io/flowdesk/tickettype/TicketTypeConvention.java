package io.flowdesk.tickettype;

import io.flowdesk.common.BpmnProperties;

import java.util.List;

/**
 * The values the ticket-type convention allows (README, "Ticket types: the convention for analysts").
 *
 * <p>They are copies: the features that act on them live in packages that already depend on this one ({@code ticket},
 * {@code sla}), so importing them here would close a package cycle; the assignment's names are shared through
 * {@code common}.
 * {@code TicketTypeChecksTest} ties each copy to its original, so a new status, SLA target or assignment mode that
 * is added there and not here fails the build instead of rejecting valid models.
 */
final class TicketTypeConvention {

    /**
     * The ticket statuses analysts may set with {@code flowdesk.status}. No enum of them exists: {@code Ticket} names
     * new, resolved and closed; the others are those of the README and inquiry.bpmn.
     */
    static final List<String> STATUSES = List.of("new", "in_progress", "pending_customer", "resolved", "closed",
            "reopened");

    /** {@code SlaTarget}'s BPMN names. */
    static final List<String> SLA_TARGETS = List.of("firstResponse", "resolution");

    /** {@code flowdesk.assignment}: only "queue" (no automatic assignment) is known; named in {@link BpmnProperties}. */
    static final String ASSIGNMENT = BpmnProperties.ASSIGNMENT;
    static final List<String> ASSIGNMENTS = List.of(BpmnProperties.ASSIGNMENT_QUEUE);

    /** The service task every ticket type routes with, and the one that starts the SLA clocks. */
    static final String ROUTING_BEAN = "routeTicket";
    static final String SLA_CLOCKS_BEAN = "startSlaClocks";

    /** The SLA timer dates ({@code SlaTimerDates}, bean slaClock) and escalations ({@code SlaEscalation}). */
    static final String SLA_CLOCK_BEAN = "slaClock";
    static final List<String> SLA_CLOCK_METHODS = List.of("warningAt", "dueAt", "secondLevelAt");
    static final String SLA_ESCALATION_BEAN = "slaEscalation";
    static final List<String> SLA_ESCALATION_METHODS = List.of("warn", "breach", "escalateSecondLevel");

    private TicketTypeConvention() {
    }

    /** Whether a delegate expression calls the named bean: {@code ${routeTicket}}, spaces allowed. */
    static boolean callsBean(String delegateExpression, String bean) {
        return delegateExpression != null
                && delegateExpression.replace(" ", "").matches("[$#]\\{" + bean + "}");
    }
}
