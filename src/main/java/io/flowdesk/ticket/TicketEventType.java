package io.flowdesk.ticket;

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
    ATTACHMENT_REFUSED
}
