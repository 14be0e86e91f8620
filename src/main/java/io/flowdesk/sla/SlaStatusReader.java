package io.flowdesk.sla;

import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketSlaReader;
import io.flowdesk.ticket.TicketViews.SlaView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.hibernate.Session;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The ticket API's view of SLA clocks: deadlines and working time used and left, now. */
@Component
class SlaStatusReader implements TicketSlaReader {

    private final EntityManager entityManager;
    private final BusinessCalendars calendars;
    private final Clock clock;

    SlaStatusReader(EntityManager entityManager, BusinessCalendars calendars, Clock clock) {
        this.entityManager = entityManager;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * The ticket's clocks by primary key, in {@link SlaTarget} order, checked in this transaction's persistence
     * context first: for a ticket opened in it (the create call's answer) they are all there and cost no query;
     * otherwise one query.
     */
    @Override
    public List<SlaView> clocksOf(Long ticketId) {
        Instant now = clock.instant();
        List<TicketSla.Key> keys = Arrays.stream(SlaTarget.values())
                .map(target -> new TicketSla.Key(ticketId, target)).toList();
        return entityManager.unwrap(Session.class).byMultipleIds(TicketSla.class).enableSessionCheck(true)
                .multiLoad(keys).stream()
                .filter(Objects::nonNull)
                .map(sla -> view(sla, now)).toList();
    }

    @Override
    public ZoneId zone() {
        return calendars.named(BusinessCalendars.BUSINESS).zone();
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
