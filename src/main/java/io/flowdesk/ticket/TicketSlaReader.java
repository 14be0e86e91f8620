package io.flowdesk.ticket;

import io.flowdesk.ticket.TicketViews.SlaView;
import org.springframework.data.jpa.domain.Specification;

import java.time.ZoneId;
import java.util.List;

/** What the ticket API shows and filters of a ticket's SLA clocks; the SLA feature implements it. */
public interface TicketSlaReader {

    List<SlaView> clocksOf(Long ticketId);

    /** The time zone of the business calendar: where the desk's working hours are, and how it shows times. */
    ZoneId zone();

    /** Tickets with a clock in the given condition: {@code breached} or {@code at_risk}. */
    Specification<Ticket> inCondition(String condition);
}
