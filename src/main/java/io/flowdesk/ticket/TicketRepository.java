package io.flowdesk.ticket;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.Optional;

interface TicketRepository extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

    /**
     * The ticket with this number. A number is made from the id, so this is a lookup by primary key: inside a
     * transaction that already loaded the ticket (the engine's listeners, one after the other) it costs no query.
     */
    default Optional<Ticket> findByNumber(String number) {
        return TicketNumbers.idOf(number).flatMap(this::findById)
                .filter(ticket -> ticket.getNumber().equals(number));
    }
}
