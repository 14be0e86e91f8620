package io.flowdesk.ticket;

import io.flowdesk.security.CurrentUser;
import io.flowdesk.ticket.TicketViews.CustomerView;
import io.flowdesk.ticket.TicketViews.SlaView;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import io.flowdesk.tickettype.TicketTypeCatalog;
import io.flowdesk.web.TaskFormContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a task form shows of its ticket besides the fields it asks for: who the customer is, when the SLA targets are
 * due, and the conversation so far. Texts (Markdown) for a form's text views, {@code {{ticketCustomer}}},
 * {@code {{ticketFields}}} (its custom fields), {@code {{ticketSla}}} and {@code {{ticketConversation}}}: read when the form is opened, from the ticket as the
 * agent may see it, never stored in the process. Times are those of the business calendar's zone, with their offset.
 * <p>
 * What a customer typed is escaped, so that it shows as typed and never as a link, an image or a heading.
 */
@Component
class TicketContextForForms implements TaskFormContext {

    static final String CUSTOMER = "ticketCustomer";
    static final String SLA = "ticketSla";
    static final String CONVERSATION = "ticketConversation";
    static final String FIELDS = "ticketFields";

    /** The newest entries shown; older ones are in the ticket's timeline. */
    static final int CONVERSATION_ENTRIES = 20;
    static final int ENTRY_CHARACTERS = 600;

    private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_{}\\[\\]()#+\\-.!<>|~])");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (xxx)");
    private static final Map<String, String> SPEAKERS = Map.of(
            "PUBLIC_REPLY", "回复客户 Reply",
            "CUSTOMER_MESSAGE", "客户 Customer",
            "INTERNAL_NOTE", "内部备注 Internal note");
    private static final Map<String, String> TARGETS = Map.of(
            "firstResponse", "首次响应 First response",
            "resolution", "解决 Resolution");
    private static final Map<String, String> STATES = Map.of(
            "running", "计时中 running",
            "paused", "已暂停 paused",
            "warned", "即将超时 at risk",
            "met", "已达成 met",
            "breached", "已超时 breached");

    private final TicketQueries queries;
    private final TicketTypeCatalog ticketTypes;
    private final CurrentUser currentUser;
    private final ZoneId zone;

    TicketContextForForms(TicketQueries queries, TicketTypeCatalog ticketTypes, CurrentUser currentUser,
                          TicketSlaReader sla) {
        this.queries = queries;
        this.ticketTypes = ticketTypes;
        this.currentUser = currentUser;
        this.zone = sla.zone();
    }

    @Override
    public List<String> names() {
        return List.of(CUSTOMER, FIELDS, SLA, CONVERSATION);
    }

    /** The texts of the ticket, or none when the current user may not see it (or it does not exist). */
    @Override
    public Map<String, String> of(String ticketNumber) {
        TicketDetails ticket;
        try {
            ticket = queries.details(ticketNumber, currentUser.viewer());
        } catch (TicketNotFoundException e) {
            return Map.of();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(CUSTOMER, customer(ticket));
        texts.put(FIELDS, fields(ticket));
        texts.put(SLA, sla(ticket.sla()));
        texts.put(CONVERSATION, conversation(ticket));
        return texts;
    }

    private static String customer(TicketDetails ticket) {
        CustomerView customer = ticket.customer();
        String who = Stream.of(customer.tier(), customer.email(), customer.phone(), customer.region())
                .filter(Objects::nonNull).filter(part -> !part.isBlank()).map(TicketContextForForms::escape)
                .collect(Collectors.joining(" · "));
        return "**" + escape(customer.name()) + "**" + (who.isEmpty() ? "" : " · " + who)
                + (ticket.channel() == null ? "" : " · 渠道 Channel: " + ticket.channel().name().toLowerCase());
    }

    /** The ticket's custom fields, by the labels its type gives them (in the type's order, then the others). */
    private String fields(TicketDetails ticket) {
        Map<String, String> labels = new LinkedHashMap<>();
        ticketTypes.find(ticket.type()).ifPresent(type -> type.fields()
                .forEach(field -> labels.put(field.name(), field.label())));
        Map<String, String> values = ticket.fields() == null ? Map.of() : ticket.fields();
        return Stream.concat(labels.keySet().stream(), values.keySet().stream()).distinct()
                .filter(values::containsKey)
                .map(name -> "- **" + escape(labels.getOrDefault(name, name)) + "**: " + escape(values.get(name)))
                .collect(Collectors.joining("\n"));
    }

    private String sla(List<SlaView> clocks) {
        if (clocks.isEmpty()) {
            return "无 SLA 目标 (no SLA target)";
        }
        return clocks.stream().map(clock -> "- " + TARGETS.getOrDefault(clock.target(), clock.target()) + ": "
                + STATES.getOrDefault(clock.state(), clock.state())
                + (clock.dueAt() == null ? "" : ", 到期 due " + time(clock.dueAt()))
                + (clock.metAt() == null ? "" : ", 达成于 met " + time(clock.metAt())))
                .collect(Collectors.joining("\n"));
    }

    private String conversation(TicketDetails ticket) {
        List<String> lines = new ArrayList<>();
        lines.add(line(ticket.createdAt(), "客户请求 Request", ticket.subject()
                + (ticket.description() == null || ticket.description().isBlank() ? "" : ": " + ticket.description())));
        List<TimelineEntry> said = ticket.timeline().stream().filter(entry -> SPEAKERS.containsKey(entry.type()))
                .toList();
        if (said.size() > CONVERSATION_ENTRIES) {
            lines.add("- … " + (said.size() - CONVERSATION_ENTRIES) + " 条较早的记录见工单时间线 (older entries: "
                    + "the ticket's timeline)");
            said = said.subList(said.size() - CONVERSATION_ENTRIES, said.size());
        }
        for (TimelineEntry entry : said) {
            String speaker = SPEAKERS.get(entry.type()) + (entry.actor() == null ? "" : " · " + entry.actor());
            lines.add(line(entry.at(), speaker, entry.body() != null ? entry.body() : entry.summary()));
        }
        return String.join("\n", lines);
    }

    private String line(Instant at, String speaker, String text) {
        String shown = text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " / ");
        if (shown.length() > ENTRY_CHARACTERS) {
            shown = shown.substring(0, ENTRY_CHARACTERS) + "…";
        }
        return "- " + (at == null ? "" : time(at) + " ") + "**" + escape(speaker) + "**: " + escape(shown);
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    private static String escape(String text) {
        return text == null ? "" : MARKDOWN.matcher(text).replaceAll("\\\\$1");
    }
}
