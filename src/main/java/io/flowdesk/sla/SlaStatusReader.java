package io.flowdesk.sla;

import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketSlaReader;
import io.flowdesk.ticket.TicketViews.SlaView;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The ticket API's view of SLA clocks: deadlines and working time used and left, now. */
@Component
class SlaStatusReader implements TicketSlaReader {

    private final TicketSlaRepository clocks;
    private final BusinessCalendars calendars;
    private final Clock clock;

    SlaStatusReader(TicketSlaRepository clocks, BusinessCalendars calendars, Clock clock) {
        this.clocks = clocks;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Override
    public List<SlaView> clocksOf(Long ticketId) {
        Instant now = clock.instant();
        return clocks.clocksOf(ticketId).stream().map(sla -> view(sla, now)).toList();
    }

    private SlaView view(TicketSla sla, Instant now) {
        BusinessCalendar calendar = calendars.named(sla.getCalendar());
        Duration used = sla.used(calendar, now);
        long elapsed = used.toMinutes();
        return new SlaView(sla.getTarget().bpmnName(), sla.state(), sla.getCalendar(), sla.getTargetMinutes(),
                sla.getStartedAt(), sla.whenUsed(sla.getWarningMinutes(), calendar),
                sla.whenUsed(sla.getTargetMinutes(), calendar), elapsed, sla.getTargetMinutes() - elapsed,
                sla.getWarnedAt(), sla.getBreachedAt(), sla.getSecondLevelAt(), sla.getMetAt(), sla.getPausedAt());
    }

    @Override
    public Specification<Ticket> inCondition(String condition) {
        return (root, query, cb) -> {
            Subquery<Long> clock = query.subquery(Long.class);
            Root<TicketSla> sla = clock.from(TicketSla.class);
            clock.select(sla.get("ticketId"));
            if ("breached".equals(condition)) {
                clock.where(cb.equal(sla.get("ticketId"), root.get("id")), cb.isNotNull(sla.get("breachedAt")));
            } else {
                clock.where(cb.equal(sla.get("ticketId"), root.get("id")), cb.isNotNull(sla.get("warnedAt")),
                        cb.isNull(sla.get("breachedAt")), cb.isNull(sla.get("metAt")));
            }
            return cb.exists(clock);
        };
    }
}
