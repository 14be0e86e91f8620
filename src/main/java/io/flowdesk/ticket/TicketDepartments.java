package io.flowdesk.ticket;

import io.flowdesk.security.Roles;
import io.flowdesk.security.TicketGrants;
import org.springframework.stereotype.Component;

/**
 * A department comes to hold a ticket (routed there, transferred there, or offered one of its tasks): from then on
 * it sees the ticket, and goes on seeing it once the ticket has moved on. Recorded with the ticket for our API and
 * granted in the engine for engine REST, Tasklist and Cockpit, in the transaction that hands the ticket over. A
 * system (role integrations) that opened a ticket is granted that ticket alike.
 */
@Component
class TicketDepartments {

    private final TicketGrants grants;

    TicketDepartments(TicketGrants grants) {
        this.grants = grants;
    }

    void hold(Ticket ticket, String department) {
        if (Roles.isDepartment(department) && ticket.heldBy(department) && ticket.getProcessInstanceId() != null) {
            grants.grantDepartment(ticket.getProcessInstanceId(), department);
        }
    }

    /** A system that opened a ticket reads it (and nothing else of the departments that work it). */
    void shareWithOpener(Ticket ticket) {
        if (ticket.getOpenedBy() != null && ticket.getProcessInstanceId() != null) {
            grants.grantUser(ticket.getProcessInstanceId(), ticket.getOpenedBy());
        }
    }
}
