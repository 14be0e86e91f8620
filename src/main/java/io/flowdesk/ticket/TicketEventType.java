package io.flowdesk.ticket;

import java.util.EnumSet;
import java.util.Set;

/** What a timeline entry records. */
public enum TicketEventType {
    CREATED,
    ASSIGNED,
    UNASSIGNED,
    STATUS_CHANGED,
    PRIORITY_CHANGED,
    PUBLIC_REPLY,
    INTERNAL_NOTE,
    STEP_COMPLETED,
    CUSTOMER_MESSAGE,
    ROUTED,
    TRANSFERRED,
    /** The flow offered the ticket's next step to another department, which holds it from then on. */
    HANDED_OFF,
    SLA_STARTED,
    SLA_WARNING,
    SLA_BREACHED,
    SLA_ESCALATED,
    SLA_MET,
    SLA_PAUSED,
    SLA_RESUMED,
    SLA_RESTARTED,
    /** Its process moved to another version of its type (a migration). */
    VERSION_CHANGED,
    /**
     * Another ticket is related: a mail that referred to a closed ticket, or came from someone not on the ticket it
     * referred to, opened this one instead (the summary says which and why).
     */
    RELATED_TICKET,
    /** A file that came with the ticket could not be kept (too large); the summary names it. */
    ATTACHMENT_REFUSED,
    /** The customer rated the resolved ticket: the score (1-5) as {@code to}, their comment as body. */
    SATISFACTION_RATED;

    /**
     * What the customer sees of the timeline (the portal): what they and the desk told each other and where their
     * request stands. Named one by one, so that a type added later stays the desk's own until someone decides
     * otherwise; internal notes, routing, departments, assignments and SLA clocks never reach a customer.
     */
    private static final Set<TicketEventType> SEEN_BY_CUSTOMER =
            EnumSet.of(CREATED, STATUS_CHANGED, PUBLIC_REPLY, CUSTOMER_MESSAGE, SATISFACTION_RATED);

    public boolean seenByCustomer() {
        return SEEN_BY_CUSTOMER.contains(this);
    }
}
