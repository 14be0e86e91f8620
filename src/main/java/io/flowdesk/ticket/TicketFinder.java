package io.flowdesk.ticket;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The ticket by number, in the caller's transaction. The engine's listeners and delegates ask for it a dozen times
 * per ticket create or task completion, always inside the engine command's transaction: through here, without a
 * transactional proxy of its own, each ask is a map lookup (every proxied call joins the transaction and leaves it
 * again, with an annotation lookup each time). Callers that may run outside a transaction use
 * {@link TicketUpdates#find}.
 * <p>
 * A number is made from the id, so this is a primary-key lookup, answered from the persistence context once the
 * transaction has loaded it. A ticket the transaction is opening is not stored yet: it comes from
 * {@link NewTickets}.
 */
@Component
public class TicketFinder {

    private final EntityManager entityManager;
    private final NewTickets newTickets;

    TicketFinder(EntityManager entityManager, NewTickets newTickets) {
        this.entityManager = entityManager;
        this.newTickets = newTickets;
    }

    public Optional<Ticket> find(String number) {
        return TicketNumbers.idOf(number)
                .map(id -> newTickets.find(id).orElseGet(() -> entityManager.find(Ticket.class, id)))
                .filter(ticket -> ticket.getNumber().equals(number));
    }
}
