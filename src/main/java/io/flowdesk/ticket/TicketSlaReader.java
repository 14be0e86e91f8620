package io.flowdesk.ticket;

import io.flowdesk.ticket.TicketViews.SlaView;
import org.springframework.data.jpa.domain.Specification;

import java.util.List;

/** What the ticket API shows and filters of a ticket's SLA clocks; the SLA feature implements it. */
public interface TicketSlaReader {

    List<SlaView> clocksOf(Long ticketId);

    /** Tickets with a clock in the given condition: {@code breached} or {@code at_risk}. */
    Specification<Ticket> inCondition(String condition);
}
