package io.flowdesk.ticket;

import io.flowdesk.security.Viewer;
import io.flowdesk.ticket.TicketViews.CustomerView;
import io.flowdesk.ticket.TicketViews.SatisfactionView;
import io.flowdesk.ticket.TicketViews.TaskView;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.ticket.TicketViews.TicketPage;
import io.flowdesk.ticket.TicketViews.TicketSummary;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads tickets for the REST API: one ticket with its open tasks and timeline, or a filtered page. */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

    private final TicketRepository tickets;
    private final TicketUpdates updates;
    private final TicketEventRepository events;
    private final TimelineWriter timelineWriter;
    private final TicketSlaReader sla;
    private final NamedParameterJdbcTemplate jdbc;
    private final NewTasks newTasks;
    private final TicketAccess access;

    TicketQueries(TicketRepository tickets, TicketUpdates updates, TicketEventRepository events,
                  TimelineWriter timelineWriter, TicketSlaReader sla, NamedParameterJdbcTemplate jdbc,
                  NewTasks newTasks, TicketAccess access) {
        this.tickets = tickets;
        this.updates = updates;
        this.events = events;
        this.timelineWriter = timelineWriter;
        this.sla = sla;
        this.jdbc = jdbc;
        this.newTasks = newTasks;
        this.access = access;
    }

    /** The ticket, if the viewer may see it (else: not found). */
    public TicketDetails details(String number, Viewer viewer) {
        Ticket t = access.visible(updates.find(number).orElseThrow(() -> new TicketNotFoundException(number)), viewer);
        timelineWriter.flush(); // entries this transaction has written so far
        return details(t, events.timelineOf(t.getId()));
    }

    /**
     * A ticket the caller opened earlier, as its create call answered it then (a retry with the same
     * Idempotency-Key): whether or not the caller may read it now, they had this answer already.
     */
    TicketDetails detailsOfOpened(String number) {
        Ticket t = updates.find(number).orElseThrow(() -> new TicketNotFoundException(number));
        timelineWriter.flush();
        return details(t, events.timelineOf(t.getId()));
    }

    /**
     * The entries of the ticket's timeline its customer may read ({@link TicketEventType#seenByCustomer()}), oldest
     * first; whoever asks has already decided that they speak for the customer.
     */
    public List<TimelineEntry> timelineSeenByCustomer(Ticket ticket) {
        timelineWriter.flush();
        return events.timelineOf(ticket.getId()).stream().filter(entry -> entry.getType().seenByCustomer())
                .map(TimelineEntry::of).toList();
    }

    /**
     * A ticket opened in the current transaction, as the create call answers it, without reading back what the
     * transaction wrote: its timeline is what it appended, its SLA clocks those it stored, its tasks those its
     * process opened ({@link NewTasks}, watched by the caller before the process started).
     */
    public TicketDetails detailsOfNew(Ticket t) {
        return details(t, timelineWriter.appendedFor(t.getId()), newTasks.of(t.getProcessInstanceId()));
    }

    private TicketDetails details(Ticket t, List<TicketEvent> entries) {
        return details(t, entries, openTasks(t));
    }

    private TicketDetails details(Ticket t, List<TicketEvent> entries, List<TaskView> tasks) {
        List<TimelineEntry> timeline = entries.stream().map(TimelineEntry::of).toList();
        return new TicketDetails(t.getNumber(), t.getType(), t.getSubject(), t.getDescription(), t.getStatus(),
                t.getPriority(), t.getChannel(), t.getCategory(), t.getGroup(), t.getAssignee(),
                CustomerView.of(t.getCustomer()), t.getFields(), t.getExternalReference(),
                t.getCreatedAt(), t.getUpdatedAt(), t.getFirstResponseAt(), t.getResolvedAt(), t.getClosedAt(),
                SatisfactionView.of(t.getSatisfaction()), sla.clocksOf(t.getId()), tasks, timeline);
    }

    /** The tickets that match and that the viewer may see. */
    public TicketPage search(TicketFilter filter, Pageable pageable, Viewer viewer) {
        Specification<Ticket> matching = TicketSpecifications.matching(filter)
                .and(access.visibleTo(viewer, filter.group()));
        if (filter.sla() != null) {
            matching = matching.and(sla.inCondition(filter.sla()));
        }
        Page<TicketSummary> page = tickets.findAll(matching, withTiesBrokenById(TicketSort.checked(pageable)))
                .map(TicketSummary::of);
        return new TicketPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }

    /**
     * Pages that neither repeat nor skip a ticket: many tickets share a creation second (or a status, a group), and
     * the database orders ties as it likes, differently from one page's query to the next.
     */
    private static Pageable withTiesBrokenById(Pageable pageable) {
        if (pageable.isUnpaged() || pageable.getSort().getOrderFor("id") != null) {
            return pageable;
        }
        Sort.Direction direction = pageable.getSort().stream().reduce((first, last) -> last)
                .map(Sort.Order::getDirection).orElse(Sort.Direction.ASC);
        return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                pageable.getSort().and(Sort.by(direction, "id")));
    }

    /**
     * The open tasks of the ticket's process with their candidate groups, in one query on the engine's tables; tasks
     * of the processes it calls (a shared step such as the customer's confirmation) are the ticket's too.
     * The engine's task query would cost two (tasks, then their groups), and its dynamic SQL is dearer to build
     * than the answer is to fetch; this runs on every ticket read.
     */
    private List<TaskView> openTasks(Ticket ticket) {
        if (ticket.getProcessInstanceId() == null) {
            return List.of();
        }
        Map<String, TaskView> tasks = new LinkedHashMap<>();
        jdbc.query("select T.ID_, T.TASK_DEF_KEY_, T.NAME_, T.ASSIGNEE_, T.CREATE_TIME_, L.GROUP_ID_"
                        + " from ACT_RU_TASK T left join ACT_RU_IDENTITYLINK L on L.TASK_ID_ = T.ID_"
                        + " and L.TYPE_ = 'candidate' and L.GROUP_ID_ is not null"
                        + " where T.PROC_INST_ID_ in (select E.ID_ from ACT_RU_EXECUTION E"
                        + " where E.ROOT_PROC_INST_ID_ = :processInstance and E.ID_ = E.PROC_INST_ID_)"
                        + " order by T.CREATE_TIME_, T.ID_, L.GROUP_ID_",
                Map.of("processInstance", ticket.getProcessInstanceId()),
                row -> {
                    TaskView task = tasks.get(row.getString(1));
                    if (task == null) {
                        task = new TaskView(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                                new ArrayList<>(), row.getTimestamp(5).toInstant());
                        tasks.put(task.id(), task);
                    }
                    String group = row.getString(6);
                    if (group != null) {
                        task.candidateGroups().add(group);
                    }
                });
        return tasks.values().stream()
                .map(task -> new TaskView(task.id(), task.key(), task.name(), task.assignee(),
                        List.copyOf(task.candidateGroups()), task.created()))
                .toList();
    }
}
