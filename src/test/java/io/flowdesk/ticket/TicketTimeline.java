package io.flowdesk.ticket;

import io.flowdesk.ticket.TicketViews.SlaView;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.ticket.TicketViews.TimelineEntry;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a ticket's details the way process tests check them: hand-offs, steps, statuses, event types, SLA clocks. */
final class TicketTimeline {

    private TicketTimeline() {
    }

    static List<String> handOffs(TicketDetails ticket) {
        return ticket.timeline().stream().filter(e -> e.type().equals("HANDED_OFF"))
                .map(e -> e.from() + " → " + e.to() + " at " + e.summary()).toList();
    }

    static String lastHandOff(TicketDetails ticket) {
        List<String> handOffs = handOffs(ticket);
        assertThat(handOffs).isNotEmpty();
        return handOffs.get(handOffs.size() - 1);
    }

    static List<String> steps(TicketDetails ticket) {
        return ticket.timeline().stream().filter(e -> e.type().equals("STEP_COMPLETED"))
                .map(TimelineEntry::summary).toList();
    }

    static List<String> statusChanges(TicketDetails ticket) {
        return ticket.timeline().stream().filter(e -> e.type().equals("STATUS_CHANGED")).map(TimelineEntry::to)
                .toList();
    }

    static List<String> types(TicketDetails ticket) {
        return ticket.timeline().stream().map(TimelineEntry::type).toList();
    }

    static SlaView clock(TicketDetails ticket, String target) {
        return ticket.sla().stream().filter(sla -> sla.target().equals(target)).findFirst().orElseThrow();
    }

    static void assertHeldBy(TicketDetails ticket, String group, String assignee) {
        assertThat(ticket.group()).as("the ticket follows the department of its open task").isEqualTo(group);
        assertThat(ticket.assignee()).as("and its assignee").isEqualTo(assignee);
    }
}
