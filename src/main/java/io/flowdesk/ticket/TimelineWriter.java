package io.flowdesk.ticket;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stores timeline entries with one statement per transaction rather than one per entry.
 * <p>
 * Opening a ticket writes three or four entries (created, routed, SLA started, assigned) and completing a task
 * two or three, each from a different listener. Their ids come from the database (auto-increment), so JPA would
 * insert each at once, alone. Instead they wait, in order, until the transaction commits, and go in one JDBC batch
 * (one multi-row insert on MySQL). Whoever reads a timeline in the same transaction calls {@link #flush()} first.
 * A rolled-back transaction writes none of them, like any other change of its.
 * <p>
 * A new ticket waits too ({@link NewTickets}): it is written before the entries that point at it.
 */
@Component
class TimelineWriter {

    private static final String INSERT = "insert into ticket_event"
            + " (ticket_id, event_type, actor, occurred_at, summary, old_value, new_value, body)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final NewTickets newTickets;

    TimelineWriter(JdbcTemplate jdbc, NewTickets newTickets) {
        this.jdbc = jdbc;
        this.newTickets = newTickets;
    }

    /** Stores the entry when the current transaction commits (at once when there is none). */
    void append(TicketEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(event));
            return;
        }
        TransactionBound.boundOrNew(this, Pending.class, Pending::new).appended.add(event);
    }

    /**
     * Every entry the current transaction has appended for the ticket, written yet or not, in order. For a ticket
     * opened in this transaction that is its whole timeline, with no query.
     */
    List<TicketEvent> appendedFor(Long ticketId) {
        if (TransactionSynchronizationManager.getResource(this) instanceof Pending pending) {
            return pending.appended.stream().filter(event -> event.getTicketId().equals(ticketId))
                    .sorted(Comparator.comparing(TicketEvent::getOccurredAt)).toList();
        }
        return List.of();
    }

    /** Writes what the current transaction has appended so far, so that a query in it sees the whole timeline. */
    void flush() {
        if (TransactionSynchronizationManager.getResource(this) instanceof Pending pending) {
            pending.flush();
        }
    }

    private void write(List<TicketEvent> events) {
        jdbc.batchUpdate(INSERT, events, events.size(), (statement, event) -> {
            statement.setLong(1, event.getTicketId());
            statement.setString(2, event.getType().name());
            statement.setString(3, event.getActor());
            // as Hibernate writes Instants here (hibernate.jdbc.time_zone: UTC): the UTC wall-clock time
            statement.setObject(4, event.getOccurredAt().atOffset(ZoneOffset.UTC).toLocalDateTime());
            statement.setString(5, event.getSummary());
            statement.setString(6, event.getFrom());
            statement.setString(7, event.getTo());
            statement.setString(8, event.getBody());
        });
    }

    /** The entries of one transaction, in the order they happened; the first {@code written} are stored. */
    private final class Pending extends TransactionBound {

        private final List<TicketEvent> appended = new ArrayList<>();
        private int written;

        Pending() {
            super(TimelineWriter.this);
        }

        @Override
        public void flush() {
            if (written < appended.size()) {
                List<TicketEvent> batch = List.copyOf(appended.subList(written, appended.size()));
                written = appended.size();
                newTickets.write(); // the tickets the entries point at, if this transaction opened them
                write(batch);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }
    }
}
