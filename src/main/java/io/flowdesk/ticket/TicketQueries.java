package io.flowdesk.ticket;

import io.flowdesk.ticket.TicketViews.CustomerView;
import io.flowdesk.ticket.TicketViews.TaskView;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.ticket.TicketViews.TicketPage;
import io.flowdesk.ticket.TicketViews.TicketSummary;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;

/** Reads tickets for the REST API: one ticket with its open tasks and timeline, or a filtered page. */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

    private final TicketRepository tickets;
    private final TicketEventRepository events;
    private final TaskService taskService;
    private final TicketSlaReader sla;

    TicketQueries(TicketRepository tickets, TicketEventRepository events, TaskService taskService,
                  TicketSlaReader sla) {
        this.tickets = tickets;
        this.events = events;
        this.taskService = taskService;
        this.sla = sla;
    }

    public TicketDetails details(String number) {
        Ticket t = tickets.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
        List<TimelineEntry> timeline = events.findByTicketIdOrderByOccurredAtAscIdAsc(t.getId()).stream()
                .map(TimelineEntry::of).toList();
        return new TicketDetails(t.getNumber(), t.getType(), t.getSubject(), t.getDescription(), t.getStatus(),
                t.getPriority(), t.getChannel(), t.getCategory(), t.getGroup(), t.getAssignee(),
                CustomerView.of(t.getCustomer()), new LinkedHashMap<>(t.getFields()), t.getExternalReference(),
                t.getCreatedAt(), t.getUpdatedAt(), t.getFirstResponseAt(), t.getResolvedAt(), t.getClosedAt(),
                sla.clocksOf(t.getId()), openTasks(t), timeline);
    }

    public TicketPage search(TicketFilter filter, Pageable pageable) {
        Specification<Ticket> matching = TicketSpecifications.matching(filter);
        if (filter.sla() != null) {
            matching = matching.and(sla.inCondition(filter.sla()));
        }
        Page<TicketSummary> page = tickets.findAll(matching, pageable)
                .map(TicketSummary::of);
        return new TicketPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }

    private List<TaskView> openTasks(Ticket ticket) {
        if (ticket.getProcessInstanceId() == null) {
            return List.of();
        }
        return taskService.createTaskQuery().processInstanceId(ticket.getProcessInstanceId())
                .orderByTaskCreateTime().asc().list().stream()
                .map(this::view).toList();
    }

    private TaskView view(Task task) {
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), groups,
                task.getCreateTime().toInstant());
    }
}
