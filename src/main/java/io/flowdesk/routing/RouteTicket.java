package io.flowdesk.routing;

import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketFinder;
import io.flowdesk.ticket.TicketNotFoundException;
import io.flowdesk.ticket.TicketUpdates;
import io.flowdesk.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code ${routeTicket}}: puts the ticket in the group (and skill) the routing table says. */
@Component("routeTicket")
class RouteTicket implements JavaDelegate {

    private final TicketRouter router;
    private final TicketFinder tickets;
    private final TicketUpdates updates;

    RouteTicket(TicketRouter router, TicketFinder tickets, TicketUpdates updates) {
        this.router = router;
        this.tickets = tickets;
        this.updates = updates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        Ticket ticket = tickets.find(number).orElseThrow(() -> new TicketNotFoundException(number));
        RoutingDecision decision = router.route(ticket);
        updates.route(number, decision.group(), decision.requiredSkill(), "system");
        execution.setVariable(TicketVariables.GROUP, decision.group());
        execution.setVariable(TicketVariables.REQUIRED_SKILL, decision.requiredSkill());
    }
}
