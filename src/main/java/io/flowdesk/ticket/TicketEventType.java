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
    VERSION_CHANGED
}
