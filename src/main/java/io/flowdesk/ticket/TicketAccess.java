package io.flowdesk.ticket;

import io.flowdesk.audit.AccessRefusals;
import io.flowdesk.common.Problems;
import io.flowdesk.security.Viewer;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who may see and work a ticket through our API, by the same rules the engine applies to its process (README
 * "Roles"): administrators and managers every ticket; agents and supervisors the tickets their departments hold or
 * have held; a system the tickets it opened; analysts none. A ticket someone may not see does not exist for them
 * (404, left out of lists); one they see but may not change answers 403.
 */
@Component
public class TicketAccess {

    private final AccessRefusals refusals;

    TicketAccess(AccessRefusals refusals) {
        this.refusals = refusals;
    }

    /** The ticket, if the viewer may see it; else as if there were no such ticket. */
    public Ticket visible(Ticket ticket, Viewer viewer) {
        if (!maySee(ticket, viewer)) {
            refusals.refused(viewer.userId(), "ticket", ticket.getNumber(), "not among the tickets this user may see"
                    + " (answered as unknown, 404)");
            throw new TicketNotFoundException(ticket.getNumber());
        }
        return ticket;
    }

    /** The ticket, if the viewer may work on it (comment, hand over): they see it and are not only a system. */
    public Ticket workable(Ticket ticket, Viewer viewer) {
        visible(ticket, viewer);
        if (!viewer.seesAllTickets() && !ticket.isOrWasHeldByAnyOf(viewer.departments())) {
            refusals.refused(viewer.userId(), "ticket", ticket.getNumber(), "may read this ticket but not work on it");
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed",
                    "Only the departments that hold ticket " + ticket.getNumber() + " work on it");
        }
        return ticket;
    }

    /** The ticket, if the viewer's department holds it now (or they see every ticket): they may hand it on. */
    public Ticket heldByViewer(Ticket ticket, Viewer viewer) {
        workable(ticket, viewer);
        if (!viewer.seesAllTickets() && !viewer.departments().contains(ticket.getGroup())) {
            refusals.refused(viewer.userId(), "ticket", ticket.getNumber(),
                    "may not hand on a ticket held by " + ticket.getGroup());
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed",
                    "Ticket " + ticket.getNumber() + " is held by " + ticket.getGroup()
                            + "; only that department, its supervisors and managers hand it on");
        }
        return ticket;
    }

    boolean maySee(Ticket ticket, Viewer viewer) {
        return viewer.seesAllTickets()
                || viewer.isIntegration() && viewer.userId().equals(ticket.getOpenedBy())
                || ticket.isOrWasHeldByAnyOf(viewer.departments());
    }

    /**
     * The tickets of a list the viewer may see. A list of the tickets one of the viewer's departments holds now
     * ({@code heldBy}) needs no further condition: holding a ticket is seeing it ({@link #maySee}), and the
     * condition on the tickets a department has held costs a lookup per ticket of the list and of its count.
     */
    Specification<Ticket> visibleTo(Viewer viewer, String heldBy) {
        if (viewer.seesAllTickets() || heldBy != null && viewer.departments().contains(heldBy)) {
            return (root, query, cb) -> null;
        }
        return (root, query, cb) -> {
            List<Predicate> ways = new ArrayList<>();
            Set<String> departments = viewer.departments();
            if (!departments.isEmpty()) {
                ways.add(root.get("group").in(departments));
                Subquery<Integer> held = query.subquery(Integer.class);
                Root<Ticket> sameTicket = held.correlate(root);
                Join<Ticket, String> department = sameTicket.join("departments");
                held.select(cb.literal(1)).where(department.in(departments));
                ways.add(cb.exists(held));
            }
            if (viewer.isIntegration()) {
                ways.add(cb.equal(root.get("openedBy"), viewer.userId()));
            }
            return ways.isEmpty() ? cb.disjunction() : cb.or(ways.toArray(Predicate[]::new));
        };
    }
}
