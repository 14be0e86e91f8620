package io.flowdesk.ticket;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

interface TicketEventRepository extends JpaRepository<TicketEvent, Long> {

    /**
     * A ticket's timeline, oldest first. Written as JPQL rather than derived from the method name: Hibernate caches
     * the translation of a query string, but translates a derived (criteria) query to SQL again on every call.
     */
    @Query("select e from TicketEvent e where e.ticketId = :ticketId order by e.occurredAt, e.id")
    List<TicketEvent> timelineOf(@Param("ticketId") Long ticketId);
}
