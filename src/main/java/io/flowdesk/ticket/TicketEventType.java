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
    STEP_COMPLETED
}
