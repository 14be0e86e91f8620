package io.flowdesk.outbox;

import io.flowdesk.outbox.Delivery.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers the outbox's due messages through their channels, on whichever nodes run it: each message is claimed
 * before it is sent, so two nodes never send it at once, and only the first undelivered message of a destination and
 * key is ever due, so a ticket's events reach a receiver in order. A failed attempt is tried again after a back-off
 * that doubles each time ({@link OutboxProperties#retryDelay}); the error and the count of attempts are kept.
 * Delivery is at least once: a node that dies between sending and recording sends again once its claim runs out.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxStore store;
    private final Map<String, OutboxChannel> channels;
    private final OutboxProperties properties;
    private final Clock clock;
    /** This node, in the claims it makes. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final ReentrantLock dispatching = new ReentrantLock();

    OutboxDispatcher(OutboxStore store, List<OutboxChannel> channels, OutboxProperties properties, Clock clock) {
        this.store = store;
        this.channels = channels.stream().collect(Collectors.toMap(OutboxChannel::name, Function.identity()));
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends what is due now, then what became due by that (the next message of a key whose message went), until
     * nothing more can go. A destination that failed once is not tried again in the same call: a receiver that is down
     * gets one attempt per call, not one per ticket. Called every {@code flowdesk.outbox.interval} by
     * {@link OutboxSchedule}; tests call it themselves.
     */
    public Dispatched dispatchDue() {
        dispatching.lock();
        try {
            Dispatched total = new Dispatched(0, 0);
            for (OutboxChannel channel : channels.values()) {
                total = total.plus(dispatch(channel));
            }
            return total;
        } finally {
            dispatching.unlock();
        }
    }

    private Dispatched dispatch(OutboxChannel channel) {
        Set<String> failedDestinations = new HashSet<>();
        Dispatched total = new Dispatched(0, 0);
        Dispatched pass;
        do {
            pass = new Dispatched(0, 0);
            for (OutboxMessage message : store.dueHeads(channel.name(), clock.instant(), properties.batchSize(),
                    failedDestinations)) {
                if (failedDestinations.contains(message.destination()) || !claim(message)) {
                    continue;
                }
                if (attempt(channel, message)) {
                    pass = pass.plus(new Dispatched(1, 0));
                } else {
                    pass = pass.plus(new Dispatched(0, 1));
                    failedDestinations.add(message.destination());
                }
            }
            total = total.plus(pass);
        } while (pass.delivered() > 0);
        return total;
    }

    private boolean claim(OutboxMessage message) {
        Instant now = clock.instant();
        return store.claim(message.id(), node, now.plus(properties.claimTimeout()), now);
    }

    /** One attempt, recorded; true if the receiver has the message (or it was dropped: nothing waits on it). */
    private boolean attempt(OutboxChannel channel, OutboxMessage message) {
        Delivery delivery;
        try {
            delivery = channel.deliver(message);
        } catch (RuntimeException e) {
            delivery = Delivery.failed(e.toString());
        }
        Instant now = clock.instant();
        if (delivery.outcome() == Outcome.DELIVERED) {
            store.delivered(message.id(), node, now);
            return true;
        }
        if (delivery.outcome() == Outcome.DROPPED) {
            store.dropped(message.id(), node, now, delivery.detail());
            log.info("Outbox message {} ({} {} to {}) dropped: {}", message.id(), message.type(), message.key(),
                    message.destination(), delivery.detail());
            return true;
        }
        int failures = message.attempts() + 1;
        Instant next = now.plus(properties.retryDelay(failures));
        store.failed(message.id(), node, now, next, delivery.detail());
        log.warn("{} {} of {} to {} not delivered (attempt {}, next at {}): {}", channel.name(), message.type(),
                message.key(), message.destination(), failures, next, delivery.detail());
        return false;
    }

    /** Deletes what was delivered or cancelled longer ago than {@code flowdesk.outbox.retention}. */
    public int cleanUp() {
        int deleted = store.deleteSettledBefore(clock.instant().minus(properties.retention()));
        if (deleted > 0) {
            log.info("Outbox: {} delivered messages older than {} deleted", deleted, properties.retention());
        }
        return deleted;
    }

    /** What one call did: messages delivered (or dropped), and attempts that failed. */
    public record Dispatched(int delivered, int failed) {

        Dispatched plus(Dispatched other) {
            return new Dispatched(delivered + other.delivered, failed + other.failed);
        }
    }
}
