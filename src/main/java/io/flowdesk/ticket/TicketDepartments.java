package io.flowdesk.ticket;

import io.flowdesk.security.Roles;
import io.flowdesk.security.TicketGrants;
import org.springframework.stereotype.Component;

/**
 * A department comes to hold a ticket (routed there, transferred there, or offered one of its tasks): from then on
 * it sees the ticket, and goes on seeing it once the ticket has moved on. Granted in the engine for engine REST,
 * Tasklist and Cockpit, in the transaction that hands the ticket over. The department that holds a ticket now is its
 * group; the ticket's departments ({@code ticket_department}) are those that held it before or were offered its work,
 * recorded when the ticket leaves them, so that opening a ticket writes no row there. A system (role integrations)
 * that opened a ticket is granted that ticket alike.
 */
@Component
class TicketDepartments {

    private final TicketGrants grants;

    TicketDepartments(TicketGrants grants) {
        this.grants = grants;
    }

    /**
     * The ticket moves from one group to another (its group is already the new one): the new one sees it from now
     * on, the one it leaves goes on seeing it. While the ticket is being opened, the group it was given before its
     * routing never held it.
     */
    void move(Ticket ticket, String from, String to, boolean opening) {
        if (!opening && from != null && !from.equals(to)) {
            record(ticket, from);
        }
        if ((opening || !to.equals(from)) && !ticket.heldBefore(to)) {
            grant(ticket, to);
        }
    }

    /** One of the ticket's tasks is offered to a department that does not hold it: it sees the ticket. */
    void offer(Ticket ticket, String department) {
        record(ticket, department);
    }

    /** A system that opened a ticket reads it (and nothing else of the departments that work it). */
    void shareWithOpener(Ticket ticket) {
        if (ticket.getOpenedBy() != null && ticket.getProcessInstanceId() != null) {
            grants.grantUser(ticket.getProcessInstanceId(), ticket.getOpenedBy());
        }
    }

    /** Keeps the department among the ticket's departments, granted (a grant it has already is left as it is). */
    private void record(Ticket ticket, String department) {
        if (Roles.isDepartment(department) && ticket.heldBy(department)) {
            grant(ticket, department);
        }
    }

    private void grant(Ticket ticket, String department) {
        if (Roles.isDepartment(department) && ticket.getProcessInstanceId() != null) {
            grants.grantDepartment(ticket.getProcessInstanceId(), department);
        }
    }
}
