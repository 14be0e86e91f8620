package io.flowdesk.outbox;

import io.flowdesk.outbox.OutboxMessage.Status;
import io.flowdesk.outbox.OutboxStore.Undelivered;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A transactional outbox: a feature adds a message in the transaction of the change it tells about, the message is
 * stored by that transaction's commit (and not at all if it rolls back), and {@link OutboxDispatcher} delivers it
 * afterwards through the feature's {@link OutboxChannel}, retrying with back-off until the receiver has it, in order
 * per destination and key. Nothing is ever deleted before it has been delivered.
 * <p>
 * The order per key is the order of the inserts, made as each transaction commits. Two transactions that change the
 * same key at the same moment without conflicting (an SLA timer's timeline entry beside an agent's reply: only one
 * of them updates the ticket row) have no order between them, and their messages may go in either order.
 */
@Service
public class Outbox {

    private final OutboxStore store;
    private final OutboxSchedule schedule;
    private final Clock clock;

    Outbox(OutboxStore store, OutboxSchedule schedule, Clock clock) {
        this.store = store;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * Stores the message when the current transaction commits, in one batch with the transaction's other messages and
     * in the order they were added; its payload is made then. There must be a transaction.
     */
    public void add(NewMessage message) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("An outbox message is stored by its change's transaction: none is active");
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.messages.add(message);
    }

    /** The destination's messages (all of the channel's, for none), newest first; of one status only if given. */
    public Page<OutboxMessage> messages(String channel, String destination, Status status, Pageable page) {
        List<OutboxMessage> content = store.list(channel, destination, status, (int) page.getOffset(),
                page.getPageSize());
        return new PageImpl<>(content, page, store.count(channel, destination, status));
    }

    /** What each destination of the channel has not been delivered yet, by destination (none: not listed). */
    public Map<String, Backlog> backlogs(String channel) {
        return store.undelivered(channel).stream().collect(Collectors.toMap(Undelivered::destination,
                undelivered -> new Backlog(undelivered.pending(), undelivered.failed())));
    }

    /**
     * Makes the destination's failed messages (all of the channel's, for none) due now, and the dispatcher look at
     * once; how many.
     */
    public int retryNow(String channel, String destination) {
        int due = store.retryNow(channel, destination, clock.instant());
        schedule.wakeUp();
        return due;
    }

    /** The destination is gone: what it has not been delivered yet is cancelled, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancel(String channel, String destination) {
        return store.cancel(channel, destination, clock.instant());
    }

    /** Messages not delivered yet: not tried yet, and failed (to be tried again). */
    public record Backlog(long pending, long failed) {
    }

    /** The messages one transaction added, stored just before it commits. */
    private final class Pending implements TransactionSynchronization {

        private final List<NewMessage> messages = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!messages.isEmpty()) {
                store.insert(messages, clock.instant());
                messages.clear();
            }
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(Outbox.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(Outbox.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
        }
    }
}
