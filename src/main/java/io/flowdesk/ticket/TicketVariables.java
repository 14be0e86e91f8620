package io.flowdesk.ticket;

import java.util.HashMap;
import java.util.Map;

/**
 * The few process variables a ticket process carries: what its gateways and candidate groups need and what
 * its Camunda Forms show. Everything else about a ticket lives in our tables and is read by number.
 */
public final class TicketVariables {

    public static final String GROUP = "group";
    public static final String SUBJECT = "subject";
    public static final String DESCRIPTION = "description";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String PRIORITY = "priority";

    /** Form fields that are captured into the timeline when a task completes, then dropped from the process. */
    public static final String PUBLIC_REPLY = "publicReply";
    public static final String INTERNAL_NOTE = "internalNote";

    private TicketVariables() {
    }

    public static Map<String, Object> of(Ticket ticket) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(GROUP, ticket.getGroup());
        variables.put(SUBJECT, ticket.getSubject());
        variables.put(DESCRIPTION, ticket.getDescription());
        variables.put(CUSTOMER_NAME, ticket.getCustomer().getName());
        variables.put(PRIORITY, ticket.getPriority().name());
        return variables;
    }
}
