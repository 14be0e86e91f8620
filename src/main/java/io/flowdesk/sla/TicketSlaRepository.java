package io.flowdesk.sla;

import org.springframework.data.jpa.repository.JpaRepository;

interface TicketSlaRepository extends JpaRepository<TicketSla, TicketSla.Key> {
}
