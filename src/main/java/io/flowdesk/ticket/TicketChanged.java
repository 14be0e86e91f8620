package io.flowdesk.ticket;

/**
 * A ticket changed: handed to every {@link TicketChangeListener} for every entry of its timeline, on the thread and in
 * the transaction that makes the change, so that a feature telling others about tickets (webhooks, customer mail)
 * can store what it will send in that same transaction. A listener runs before the change is committed and on the
 * ticket's hot path: it returns at once when it has nothing to do.
 *
 * @param ticket the ticket itself, not a copy: read when the transaction commits, it shows what the whole
 *               transaction made of it (the group and assignee routing gave a new ticket, say)
 * @param entry  the timeline entry: what changed, from what to what, by whom and when
 */
public record TicketChanged(Ticket ticket, TicketEvent entry) {
}
