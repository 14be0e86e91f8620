package io.flowdesk.ticket;

import io.flowdesk.ticket.TicketViews.CustomerView;
import io.flowdesk.ticket.TicketViews.TaskView;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.ticket.TicketViews.TicketPage;
import io.flowdesk.ticket.TicketViews.TicketSummary;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads tickets for the REST API: one ticket with its open tasks and timeline, or a filtered page. */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

    private final TicketRepository tickets;
    private final TicketEventRepository events;
    private final TaskService taskService;
    private final TicketSlaReader sla;
    private final NamedParameterJdbcTemplate jdbc;

    TicketQueries(TicketRepository tickets, TicketEventRepository events, TaskService taskService,
                  TicketSlaReader sla, NamedParameterJdbcTemplate jdbc) {
        this.tickets = tickets;
        this.events = events;
        this.taskService = taskService;
        this.sla = sla;
        this.jdbc = jdbc;
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
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(ticket.getProcessInstanceId())
                .orderByTaskCreateTime().asc().list();
        Map<String, List<String>> groups = candidateGroups(tasks);
        return tasks.stream().map(task -> new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getAssignee(), groups.getOrDefault(task.getId(), List.of()), task.getCreateTime().toInstant()))
                .toList();
    }

    /** The candidate groups of all the tasks in one query (the engine's API costs four per task). */
    private Map<String, List<String>> candidateGroups(List<Task> tasks) {
        Map<String, List<String>> groups = new HashMap<>();
        if (!tasks.isEmpty()) {
            jdbc.query("select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK where TYPE_ = 'candidate'"
                            + " and GROUP_ID_ is not null and TASK_ID_ in (:tasks) order by GROUP_ID_",
                    Map.of("tasks", tasks.stream().map(Task::getId).toList()),
                    row -> {
                        groups.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(2));
                    });
        }
        return groups;
    }
}
