package io.flowdesk.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the REST API answers about tickets. */
public final class TicketViews {

    private TicketViews() {
    }

    public record CustomerView(String name, String email, String phone, String tier, String region) {
        static CustomerView of(Customer customer) {
            return new CustomerView(customer.getName(), customer.getEmail(), customer.getPhone(), customer.getTier(),
                    customer.getRegion());
        }
    }

    public record TicketSummary(String number, String type, String subject, String status, Priority priority,
                                Channel channel, String category, String group, String assignee,
                                CustomerView customer, Instant createdAt, Instant updatedAt,
                                SatisfactionView satisfaction) {
        static TicketSummary of(Ticket t) {
            return new TicketSummary(t.getNumber(), t.getType(), t.getSubject(), t.getStatus(), t.getPriority(),
                    t.getChannel(), t.getCategory(), t.getGroup(), t.getAssignee(), CustomerView.of(t.getCustomer()),
                    t.getCreatedAt(), t.getUpdatedAt(), SatisfactionView.of(t.getSatisfaction()));
        }
    }

    /** The customer's rating of the resolved ticket; absent while there is none. */
    public record SatisfactionView(int score, String comment, Instant ratedAt) {
        public static SatisfactionView of(Satisfaction satisfaction) {
            return satisfaction == null ? null
                    : new SatisfactionView(satisfaction.getScore(), satisfaction.getComment(), satisfaction.getRatedAt());
        }
    }

    public record TaskView(String id, String key, String name, String assignee, List<String> candidateGroups,
                           Instant created) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(String type, Instant at, String actor, String summary, String from, String to,
                                String body) {
        static TimelineEntry of(TicketEvent e) {
            return new TimelineEntry(e.getType().name(), e.getOccurredAt(), e.getActor(), e.getSummary(),
                    e.getFrom(), e.getTo(), e.getBody());
        }
    }

    /**
     * One SLA clock: its state (running, paused, warned, met, breached), deadline and the working time used and
     * left (negative when overdue), in minutes of its calendar.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SlaView(String target, String state, String calendar, int targetMinutes, Instant startedAt,
                          Instant warningAt, Instant dueAt, long elapsedWorkingMinutes, long remainingWorkingMinutes,
                          Instant warnedAt, Instant breachedAt, Instant escalatedAt, Instant metAt,
                          Instant pausedAt) {
    }

    public record TicketDetails(String number, String type, String subject, String description, String status,
                                Priority priority, Channel channel, String category, String group, String assignee,
                                CustomerView customer, Map<String, String> fields, String externalReference,
                                Instant createdAt, Instant updatedAt, Instant firstResponseAt, Instant resolvedAt,
                                Instant closedAt, SatisfactionView satisfaction, List<SlaView> sla,
                                List<TaskView> currentTasks, List<TimelineEntry> timeline) {
    }

    public record TicketPage(List<TicketSummary> items, int page, int size, long totalItems, int totalPages) {
    }
}
