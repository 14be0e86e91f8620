package io.flowdesk.sla;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface TicketSlaRepository extends JpaRepository<TicketSla, TicketSla.Key> {

    default Optional<TicketSla> find(Long ticketId, SlaTarget target) {
        return findById(new TicketSla.Key(ticketId, target));
    }

    /** JPQL, not a derived query: Hibernate caches a query string's translation to SQL (see TicketEventRepository). */
    @Query("select s from TicketSla s where s.ticketId = :ticketId order by s.target")
    List<TicketSla> clocksOf(@Param("ticketId") Long ticketId);
}
