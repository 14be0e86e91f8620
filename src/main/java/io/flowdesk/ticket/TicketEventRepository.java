package io.flowdesk.ticket;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface TicketEventRepository extends JpaRepository<TicketEvent, Long> {

    List<TicketEvent> findByTicketIdOrderByOccurredAtAscIdAsc(Long ticketId);
}
