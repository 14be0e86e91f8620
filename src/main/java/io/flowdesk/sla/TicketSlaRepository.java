package io.flowdesk.sla;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface TicketSlaRepository extends JpaRepository<TicketSla, TicketSla.Key> {

    default Optional<TicketSla> find(Long ticketId, SlaTarget target) {
        return findById(new TicketSla.Key(ticketId, target));
    }
}
