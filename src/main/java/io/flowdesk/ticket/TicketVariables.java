package io.flowdesk.ticket;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The few process variables a ticket process carries: what its gateways and candidate groups need and what
 * its Camunda Forms show. Everything else about a ticket lives in our tables and is read by number.
 */
public final class TicketVariables {

    public static final String TICKET_NUMBER = "ticketNumber";
    public static final String GROUP = "group";
    public static final String SUBJECT = "subject";
    public static final String DESCRIPTION = "description";
    public static final String CUSTOMER_NAME = "customerName";
    /** E-mail, phone, tier and channel in one line, for the forms: whom the agent answers, and how. */
    public static final String CUSTOMER_CONTACT = "customerContact";
    public static final String PRIORITY = "priority";
    public static final String REQUIRED_SKILL = "requiredSkill";
    /** Set when the ticket has been accepted, so that re-entering the work phase skips acceptance. */
    public static final String ACCEPTED = "accepted";

    /** Form fields that are captured into the timeline when a task completes, then dropped from the process. */
    public static final String PUBLIC_REPLY = "publicReply";
    public static final String INTERNAL_NOTE = "internalNote";
    public static final String CUSTOMER_MESSAGE = "customerMessage";
    /** The customer's last answer, kept for the next form to show (the timeline has them all). */
    public static final String LATEST_CUSTOMER_MESSAGE = "latestCustomerMessage";

    private TicketVariables() {
    }

    public static Map<String, Object> of(Ticket ticket) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TICKET_NUMBER, ticket.getNumber());
        variables.put(GROUP, ticket.getGroup());
        variables.put(SUBJECT, ticket.getSubject());
        variables.put(DESCRIPTION, ticket.getDescription());
        variables.put(CUSTOMER_NAME, ticket.getCustomer().getName());
        variables.put(CUSTOMER_CONTACT, contact(ticket));
        variables.put(PRIORITY, ticket.getPriority().name());
        variables.put(ACCEPTED, false);
        return variables;
    }

    private static String contact(Ticket ticket) {
        Customer customer = ticket.getCustomer();
        return Stream.of(customer.getEmail(), customer.getPhone(), customer.getTier(), "via " + ticket.getChannel())
                .filter(Objects::nonNull).collect(Collectors.joining(" · "));
    }
}
