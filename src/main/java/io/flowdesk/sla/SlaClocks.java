package io.flowdesk.sla;

import io.flowdesk.ticket.NewTickets;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketEventType;
import io.flowdesk.ticket.TicketFinder;
import io.flowdesk.ticket.TicketNotFoundException;
import io.flowdesk.ticket.TicketUpdates;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiPredicate;

/**
 * A ticket's SLA clocks: started with the terms of the SLA policy table, stopped while the ticket waits for the
 * customer, met when the BPMN says so, and marked warned, breached and escalated when its timers fire. Every
 * change is in the ticket's timeline.
 */
@Service
@Transactional
public class SlaClocks {

    private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);
    private static final String SYSTEM = "system";

    private final EntityManager entityManager;
    private final TicketFinder tickets;
    private final TicketUpdates updates;
    private final NewTickets newTickets;
    private final SlaPolicy policy;
    private final BusinessCalendars calendars;
    private final Clock clock;

    SlaClocks(EntityManager entityManager, TicketFinder tickets, TicketUpdates updates, NewTickets newTickets,
              SlaPolicy policy, BusinessCalendars calendars, Clock clock) {
        this.entityManager = entityManager;
        this.tickets = tickets;
        this.updates = updates;
        this.newTickets = newTickets;
        this.policy = policy;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Starts every clock of a new ticket with the terms the policy gives it (once per ticket). */
    public void start(String number) {
        Ticket ticket = ticket(number);
        SlaTerms terms = policy.termsFor(ticket);
        Instant now = clock.instant();
        for (SlaTarget target : SlaTarget.values()) {
            // persisted, not saved through a repository: new for certain, and two fewer proxy chains per create;
            // after the ticket, which a create stores once its process has started
            newTickets.persistWith(ticket, new TicketSla(ticket.getId(), target, terms, now));
        }
        BusinessCalendar calendar = calendars.named(terms.calendar());
        // concatenated, not String.format: its locale lookups for each number were a sixth of this method's CPU
        updates.note(number, TicketEventType.SLA_STARTED, SYSTEM, "first response within "
                + terms.firstResponseMinutes() + " min, resolution within " + terms.resolutionMinutes() + " min ("
                + terms.calendar() + " hours): due "
                + calendar.addWorkingTime(now, Duration.ofMinutes(terms.firstResponseMinutes())) + " and "
                + calendar.addWorkingTime(now, Duration.ofMinutes(terms.resolutionMinutes())));
    }

    /** A reopened ticket gets a fresh clock for the target, with today's terms. */
    public void restart(String number, SlaTarget target) {
        Ticket ticket = ticket(number);
        SlaTerms terms = policy.termsFor(ticket);
        find(number, target).restart(terms, clock.instant());
        updates.note(number, TicketEventType.SLA_RESTARTED, SYSTEM,
                target.bpmnName() + " clock restarted: " + terms.minutes(target) + " min");
    }

    public void pause(String number, SlaTarget target) {
        TicketSla sla = find(number, target);
        if (sla.isRunning() && sla.getMetAt() == null) {
            sla.pause(calendars.named(sla.getCalendar()), clock.instant());
            updates.note(number, TicketEventType.SLA_PAUSED, SYSTEM, target.bpmnName() + " clock paused");
        }
    }

    public void resume(String number, SlaTarget target) {
        TicketSla sla = find(number, target);
        if (sla.getPausedAt() != null) {
            sla.resume(clock.instant());
            updates.note(number, TicketEventType.SLA_RESUMED, SYSTEM, target.bpmnName() + " clock resumed, due "
                    + sla.whenUsed(sla.getTargetMinutes(), calendars.named(sla.getCalendar())));
        }
    }

    public void meet(String number, SlaTarget target) {
        TicketSla sla = find(number, target);
        BusinessCalendar calendar = calendars.named(sla.getCalendar());
        if (target == SlaTarget.FIRST_RESPONSE) {
            updates.markFirstResponse(number);
        }
        if (sla.meet(calendar, clock.instant())) {
            long usedMinutes = sla.used(calendar, clock.instant()).toMinutes();
            updates.note(number, TicketEventType.SLA_MET, SYSTEM, target.bpmnName()
                    + (sla.getBreachedAt() == null ? " met" : " met late") + " after " + usedMinutes + " of "
                    + sla.getTargetMinutes() + " min");
        }
    }

    /** Records the warning once; true the first time. */
    public boolean warn(String number, SlaTarget target, String notified) {
        return mark(number, target, TicketSla::warn, TicketEventType.SLA_WARNING,
                target.bpmnName() + " at risk; notified " + notified);
    }

    /** Records the breach once; true the first time. */
    public boolean breach(String number, SlaTarget target) {
        return mark(number, target, TicketSla::breach, TicketEventType.SLA_BREACHED,
                target.bpmnName() + " target breached; escalated to supervisors");
    }

    /** Records the second-level escalation once; true the first time. */
    public boolean escalateSecondLevel(String number, SlaTarget target) {
        return mark(number, target, TicketSla::escalateSecondLevel, TicketEventType.SLA_ESCALATED,
                target.bpmnName() + " breach persists; escalated to managers");
    }

    /** When the clock will have used this share of its target, or null while it is stopped. */
    public Instant deadline(String number, SlaTarget target, Deadline kind) {
        TicketSla sla = find(number, target);
        int minutes = switch (kind) {
            case WARNING -> sla.getWarningMinutes();
            case DUE -> sla.getTargetMinutes();
            case SECOND_LEVEL -> sla.getSecondLevelMinutes();
        };
        return sla.whenUsed(minutes, calendars.named(sla.getCalendar()));
    }

    public enum Deadline { WARNING, DUE, SECOND_LEVEL }

    private boolean mark(String number, SlaTarget target, BiPredicate<TicketSla, Instant> change,
                         TicketEventType event, String summary) {
        boolean first = change.test(find(number, target), clock.instant());
        if (first) {
            updates.note(number, event, SYSTEM, summary);
            log.info("{} {}: {}", number, event, summary);
        }
        return first;
    }

    /**
     * By primary key, from the persistence context when loaded: timers and listeners ask several times a command.
     * A ticket being opened has its clocks waiting to be stored with it.
     */
    private TicketSla find(String number, SlaTarget target) {
        Ticket ticket = ticket(number);
        TicketSla sla = newTickets.waitingWith(ticket, TicketSla.class).filter(clock -> clock.getTarget() == target)
                .findFirst()
                .orElseGet(() -> entityManager.find(TicketSla.class, new TicketSla.Key(ticket.getId(), target)));
        if (sla == null) {
            throw new IllegalStateException("Ticket " + number + " has no " + target.bpmnName()
                    + " clock: its process must run the startSlaClocks task first");
        }
        return sla;
    }

    private Ticket ticket(String number) {
        return tickets.find(number).orElseThrow(() -> new TicketNotFoundException(number));
    }
}
