package io.flowdesk.ticket;

/**
 * Told of every {@link TicketChanged}: a bean that implements it is called by {@link TicketUpdates} for each entry of
 * every ticket's timeline, on the thread and in the transaction that makes the change, before it commits. It is on
 * the ticket's hot path (a create makes several entries): it returns at once when it has nothing to do. A plain
 * interface rather than a Spring application event: the event multicaster's type resolution and reflective call
 * cost about 1 % of a create's CPU for listeners that almost always return at once (benchmark/README.md).
 */
public interface TicketChangeListener {

    void on(TicketChanged change);
}
