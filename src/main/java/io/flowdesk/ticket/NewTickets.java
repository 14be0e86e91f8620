package io.flowdesk.ticket;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The tickets the current transaction opened and has not stored yet. Hibernate inserts an entity as it was when it
 * was persisted and updates it at commit with whatever changed since, and a new ticket changes while its process
 * starts (group, assignee, status): held back until the process start is over, it is written once. Rows that point
 * at a new ticket (its SLA clocks) wait with it and are persisted right after it, so that their foreign keys find
 * it. Stored when the ticket service has started the process, before timeline entries are written, and at the
 * latest when the transaction commits; a rolled-back transaction stores nothing.
 */
@Component
public class NewTickets {

    private final EntityManager entityManager;

    NewTickets(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void hold(Ticket ticket) {
        TransactionBound.boundOrNew(this, Held.class, Held::new).tickets.put(ticket.getId(), ticket);
    }

    Optional<Ticket> find(Long id) {
        return held().map(held -> held.tickets.get(id));
    }

    /**
     * Persists a row that points at the ticket (an SLA clock, say): right after the ticket if this transaction
     * opened it and has not stored it yet, else at once.
     */
    public void persistWith(Ticket ticket, Object row) {
        held().filter(held -> held.tickets.containsKey(ticket.getId())).ifPresentOrElse(
                held -> held.rows.computeIfAbsent(ticket.getId(), id -> new ArrayList<>()).add(row),
                () -> entityManager.persist(row));
    }

    /** The rows of this type waiting for the ticket to be stored (none once it is). */
    public <T> Stream<T> waitingWith(Ticket ticket, Class<T> type) {
        return held().map(held -> held.rows.getOrDefault(ticket.getId(), List.of()).stream()
                .filter(type::isInstance).map(type::cast)).orElseGet(Stream::empty);
    }

    /** Persists the tickets held so far, each followed by its rows, to be written at the next flush. */
    void store() {
        held().ifPresent(Held::store);
    }

    /** Stores the tickets held so far and writes them now, if this transaction opened any. */
    void write() {
        held().ifPresent(held -> {
            held.store();
            entityManager.flush();
        });
    }

    private Optional<Held> held() {
        return Optional.ofNullable((Held) TransactionSynchronizationManager.getResource(this));
    }

    private final class Held extends TransactionBound {

        private final Map<Long, Ticket> tickets = new LinkedHashMap<>();
        private final Map<Long, List<Object>> rows = new LinkedHashMap<>();

        Held() {
            super(NewTickets.this);
        }

        void store() {
            tickets.forEach((id, ticket) -> {
                entityManager.persist(ticket);
                rows.getOrDefault(id, List.of()).forEach(entityManager::persist);
            });
            tickets.clear();
            rows.clear();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            store();
        }
    }
}
