package io.flowdesk.ticket;

import io.flowdesk.common.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every change to a ticket goes through here, so that each one lands in the timeline with who and when.
 * It does not drive the process engine: the engine's listeners call it from inside engine commands, in the
 * same transaction. (A department that comes to hold a ticket is granted its process there, see
 * {@link TicketDepartments}.)
 */
@Service
@Transactional
public class TicketUpdates {

    /**
     * Every change is in the ticket's timeline; the log says at INFO only what is rare and wanted in operations
     * (transfers between departments; SLA breaches are logged by the SLA clocks). Opening, routing and status
     * changes, several per ticket and hundreds a second under load, are DEBUG.
     */
    private static final Logger log = LoggerFactory.getLogger(TicketUpdates.class);

    private final TicketFinder finder;
    private final TimelineWriter timeline;
    private final TicketIds ids;
    private final NewTickets newTickets;
    private final TicketDepartments departments;
    private final Clock clock;
    private final List<TicketChangeListener> listeners;

    TicketUpdates(TicketFinder finder, TimelineWriter timeline, TicketIds ids, NewTickets newTickets,
                  TicketDepartments departments, Clock clock, List<TicketChangeListener> listeners) {
        this.finder = finder;
        this.timeline = timeline;
        this.ids = ids;
        this.newTickets = newTickets;
        this.departments = departments;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * A new ticket with its number and a first timeline entry; its process is linked later. It is stored once its
     * process has started ({@link NewTickets}), with what the start made of it: one insert.
     */
    public Ticket open(NewTicket request, String group, String actor) {
        Instant now = now();
        Ticket ticket = new Ticket(ids.next(), request, group, actor, now);
        newTickets.hold(ticket);
        save(ticket, event(ticket, TicketEventType.CREATED, actor, now).withSummary("via " + request.channel()));
        log.debug("{} opened as {} via {} by {}", ticket.getNumber(), request.type(), request.channel(), actor);
        return ticket;
    }

    /**
     * The ticket by number, for readers that may run outside a transaction; inside one (the engine's listeners and
     * delegates) {@link TicketFinder} answers without this proxy.
     */
    @Transactional(readOnly = true)
    public Optional<Ticket> find(String number) {
        return finder.find(number);
    }

    public void linkProcess(Ticket ticket, String processInstanceId) {
        ticket.linkProcess(processInstanceId);
    }

    /** The system that opened the ticket (role integrations) reads it through the engine too. */
    public void shareWithOpener(Ticket ticket) {
        departments.shareWithOpener(ticket);
    }

    public void changeStatus(String number, String status, String actor) {
        Ticket ticket = get(number);
        String previous = ticket.getStatus();
        if (previous.equals(status)) {
            return;
        }
        Instant now = now();
        ticket.changeStatus(status, now);
        save(ticket, event(ticket, TicketEventType.STATUS_CHANGED, actor, now).withChange(previous, status));
        log.debug("{} status {} -> {}", number, previous, status);
    }

    public void assign(String number, String assignee, String actor) {
        Ticket ticket = get(number);
        if (Objects.equals(ticket.getAssignee(), assignee)) {
            return;
        }
        Instant now = now();
        String previous = ticket.getAssignee();
        ticket.assignTo(assignee, now);
        TicketEventType type = assignee == null ? TicketEventType.UNASSIGNED : TicketEventType.ASSIGNED;
        save(ticket, event(ticket, type, actor, now).withChange(previous, assignee));
    }

    /** Someone took a side task of the ticket (an escalation, say): recorded, but the ticket keeps its owner. */
    public void assignSideTask(String number, String taskName, String assignee, String actor) {
        Ticket ticket = get(number);
        save(ticket, event(ticket, TicketEventType.ASSIGNED, actor, now()).withSummary(taskName)
                .withChange(null, assignee));
    }

    public void changePriority(String number, Priority priority, String actor) {
        Ticket ticket = get(number);
        if (ticket.getPriority() == priority) {
            return;
        }
        Instant now = now();
        Priority previous = ticket.getPriority();
        ticket.changePriority(priority, now);
        save(ticket, event(ticket, TicketEventType.PRIORITY_CHANGED, actor, now)
                .withChange(previous.name(), priority.name()));
    }

    public TicketEvent addComment(String number, boolean isPublic, String body, String actor) {
        Ticket ticket = get(number);
        Instant now = now();
        if (isPublic) {
            ticket.recordFirstResponse(now);
        } else {
            ticket.touch(now);
        }
        TicketEventType type = isPublic ? TicketEventType.PUBLIC_REPLY : TicketEventType.INTERNAL_NOTE;
        return save(ticket, event(ticket, type, actor, now).withBody(body));
    }

    /** Routing decided the group (and skill) the ticket belongs to. */
    public void route(String number, String group, String requiredSkill, String actor) {
        Ticket ticket = get(number);
        Instant now = now();
        String previous = ticket.getGroup();
        ticket.moveToGroup(group, now);
        departments.move(ticket, previous, group, newTickets.find(ticket.getId()).isPresent());
        save(ticket, event(ticket, TicketEventType.ROUTED, actor, now).withChange(previous, group)
                .withSummary(requiredSkill == null ? "group " + group : "group " + group + ", skill " + requiredSkill));
        log.debug("{} routed to {} (skill {})", number, group, requiredSkill);
    }

    /** Someone handed the ticket over to another group (department). */
    public void transfer(String number, String group, String reason, String actor) {
        Ticket ticket = get(number);
        Instant now = now();
        String previous = ticket.getGroup();
        ticket.moveToGroup(group, now);
        departments.move(ticket, previous, group, false);
        ticket.assignTo(null, now);
        save(ticket, event(ticket, TicketEventType.TRANSFERRED, actor, now).withChange(previous, group)
                .withBody(reason));
        log.info("{} transferred {} -> {} by {}", number, previous, group, actor);
    }

    /**
     * A task of the ticket was offered to a department that does not hold it (a hand-off drawn in the flow): that
     * department sees the ticket from now on.
     */
    public void offerTo(String number, String department) {
        Ticket ticket = get(number);
        if (!department.equals(ticket.getGroup())) {
            departments.offer(ticket, department);
        }
    }

    /**
     * The flow handed the ticket's work to another department (a user task offered to it): that department holds
     * the ticket from now on, and the task's assignee, if it has one yet, owns it. The departments that held it
     * still see it.
     */
    public void handOff(String number, String department, String step, String assignee, String actor) {
        Ticket ticket = get(number);
        if (department.equals(ticket.getGroup())) {
            return;
        }
        Instant now = now();
        String previous = ticket.getGroup();
        ticket.moveToGroup(department, now);
        departments.move(ticket, previous, department, false);
        ticket.assignTo(assignee, now);
        save(ticket, event(ticket, TicketEventType.HANDED_OFF, actor, now).withChange(previous, department)
                .withSummary(step));
        log.debug("{} handed off {} -> {} at {}", number, previous, department, step);
    }

    /** What the customer said, as an agent recorded it (phone, chat, e-mail answer). */
    public void addCustomerMessage(String number, String body, String actor) {
        Ticket ticket = get(number);
        Instant now = now();
        ticket.touch(now);
        save(ticket, event(ticket, TicketEventType.CUSTOMER_MESSAGE, actor, now).withBody(body));
    }

    /**
     * The customer's rating of a resolved or closed ticket, once: a second one, or one before the ticket is resolved,
     * is a conflict (409) and changes nothing. Two at the same moment: the ticket's version lets one of them commit.
     */
    public TicketEvent rateSatisfaction(String number, int score, String comment, String actor) {
        Ticket ticket = get(number);
        if (ticket.getSatisfaction() != null) {
            throw Problems.of(HttpStatus.CONFLICT, "Already rated", "Ticket " + number + " was rated on "
                    + ticket.getSatisfaction().getRatedAt() + "; a ticket is rated once");
        }
        if (!ticket.isResolvedOrClosed()) {
            throw Problems.of(HttpStatus.CONFLICT, "Not resolved yet",
                    "Ticket " + number + " is " + ticket.getStatus() + "; it can be rated once it is resolved");
        }
        Instant now = now();
        ticket.rate(score, comment, now);
        log.info("{} rated {} by its customer", number, score);
        return save(ticket, event(ticket, TicketEventType.SATISFACTION_RATED, actor, now)
                .withChange(null, String.valueOf(score)).withBody(comment));
    }

    /** A timeline entry for something another feature did to the ticket (SLA clocks, for one). */
    public void note(String number, TicketEventType type, String actor, String summary) {
        Ticket ticket = get(number);
        save(ticket, event(ticket, type, actor, now()).withSummary(summary));
    }

    /** The customer heard from us (the ticket was accepted, or answered), if they had not already. */
    public void markFirstResponse(String number) {
        get(number).recordFirstResponse(now());
    }

    public void completeStep(String number, String stepName, String actor) {
        Ticket ticket = get(number);
        Instant now = now();
        ticket.touch(now);
        save(ticket, event(ticket, TicketEventType.STEP_COMPLETED, actor, now).withSummary(stepName));
    }

    private Ticket get(String number) {
        return finder.find(number).orElseThrow(() -> new TicketNotFoundException(number));
    }

    /** A timeline entry, complete before it is saved: one insert, no update after it. */
    private static TicketEvent event(Ticket ticket, TicketEventType type, String actor, Instant at) {
        return new TicketEvent(ticket.getId(), type, actor, at);
    }

    /**
     * Into the timeline when the transaction commits, with the other entries of the transaction; and told, at once,
     * to whoever listens for ticket changes ({@link TicketChanged}).
     */
    private TicketEvent save(Ticket ticket, TicketEvent event) {
        timeline.append(event);
        TicketChanged change = new TicketChanged(ticket, event);
        for (TicketChangeListener listener : listeners) {
            listener.on(change);
        }
        return event;
    }

    private Instant now() {
        return clock.instant();
    }
}
