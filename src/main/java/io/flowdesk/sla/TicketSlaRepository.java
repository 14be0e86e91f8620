package io.flowdesk.sla;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface TicketSlaRepository extends JpaRepository<TicketSla, Long> {

    Optional<TicketSla> findByTicketIdAndTarget(Long ticketId, SlaTarget target);

    List<TicketSla> findByTicketIdOrderByTarget(Long ticketId);
}
