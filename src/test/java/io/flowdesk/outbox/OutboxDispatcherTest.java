package io.flowdesk.outbox;

import io.flowdesk.outbox.OutboxMessage.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on its own, with a channel of the test's: a message is stored exactly when its transaction commits, goes
 * after those before it with the same destination and key, waits longer after each failure, and is delivered once
 * when two nodes dispatch at the same time. Each test has a channel of its own; the clock is the test's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutboxDispatcherTest {

    @Autowired Outbox outbox;
    @Autowired OutboxStore store;
    @Autowired PlatformTransactionManager transactions;

    private final String channel = "test-" + System.nanoTime();
    private final MovableClock clock = new MovableClock(Instant.now().plusSeconds(1));
    private final Receiver receiver = new Receiver(channel);

    @Test
    void a_message_is_stored_only_if_its_transaction_commits() {
        add("d", "k", "kept");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            outbox.add(message("d", "k", "rolled back"));
            status.setRollbackOnly();
        });

        assertThat(messages("d", null)).extracting(OutboxMessage::payload).containsExactly("kept");
    }

    @Test
    void messages_of_one_key_go_in_order_and_a_failing_one_holds_back_only_those_behind_it() {
        add("d", "k1", "k1-a", "k1-b", "k1-c");
        add("d", "k2", "k2-a", "k2-b");
        receiver.refuse("k1-b");

        OutboxDispatcher node = node(receiver);
        node.dispatchDue();
        assertThat(receiver.delivered).as("k1-b failed: its destination waits for the next round")
                .containsExactly("k1-a", "k2-a");
        node.dispatchDue();
        assertThat(receiver.delivered).as("k1-b is not due yet; k2 goes on").containsExactly("k1-a", "k2-a", "k2-b");
        clock.move(Duration.ofHours(2));
        node.dispatchDue();
        assertThat(receiver.delivered).containsExactly("k1-a", "k2-a", "k2-b");

        receiver.refuse(null);
        clock.move(Duration.ofHours(2));
        node.dispatchDue();

        assertThat(receiver.delivered).containsExactly("k1-a", "k2-a", "k2-b", "k1-b", "k1-c");
        OutboxMessage failedTwice = messages("d", Status.DELIVERED).stream()
                .filter(message -> message.payload().equals("k1-b")).findFirst().orElseThrow();
        assertThat(failedTwice.attempts()).isEqualTo(3);
        assertThat(failedTwice.lastError()).isEqualTo("refused k1-b");
    }

    @Test
    void each_failure_waits_twice_as_long_up_to_the_maximum_and_the_message_is_kept() {
        add("d", "k", "never");
        receiver.refuse("never");
        OutboxDispatcher node = node(receiver);
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            node.dispatchDue();
            OutboxMessage failed = messages("d", Status.FAILED).get(0);
            assertThat(failed.attempts()).isEqualTo(attempt);
            assertThat(node.dispatchDue().failed()).as("not due again before its wait is over").isZero();
            waits.add(Duration.between(failed.lastAttemptAt(), failed.nextAttemptAt()));
            clock.set(failed.nextAttemptAt());
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThat(messages("d", null)).singleElement().satisfies(message -> {
            assertThat(message.status()).isEqualTo(Status.FAILED);
            assertThat(message.lastError()).isEqualTo("refused never");
        });
    }

    @Test
    void a_destination_that_failed_is_not_tried_again_in_the_same_round_others_are() {
        add("down", "k1", "down-1");
        add("down", "k2", "down-2");
        add("up", "k1", "up-1");
        receiver.refuseDestination("down");

        OutboxDispatcher.Dispatched round = node(receiver).dispatchDue();

        assertThat(round.failed()).isEqualTo(1);
        assertThat(receiver.delivered).containsExactly("up-1");
        assertThat(messages("down", Status.PENDING)).extracting(OutboxMessage::payload).containsExactly("down-2");
    }

    @Test
    void two_nodes_dispatching_at_once_deliver_each_message_once_and_each_key_in_order() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int key = 0; key < 8; key++) {
            String[] payloads = new String[6];
            for (int i = 0; i < payloads.length; i++) {
                payloads[i] = "k" + key + "-" + i;
                expected.add(payloads[i]);
            }
            add("d", "k" + key, payloads);
        }
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Object> node = () -> {
            OutboxDispatcher dispatcher = node(receiver);
            together.await();
            return dispatcher.dispatchDue();
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (Future<Object> done : nodes.invokeAll(List.of(node, node))) {
                done.get();
            }
        } finally {
            nodes.shutdownNow();
        }
        node(receiver).dispatchDue(); // what one node left when the other held the key's next message

        assertThat(receiver.delivered).containsExactlyInAnyOrderElementsOf(expected);
        for (int key = 0; key < 8; key++) {
            String prefix = "k" + key + "-";
            assertThat(receiver.delivered.stream().filter(payload -> payload.startsWith(prefix)).toList())
                    .isSorted();
        }
    }

    @Test
    void delivered_messages_are_deleted_after_the_retention_undelivered_ones_never() {
        add("d", "k1", "delivered");
        add("d", "k2", "failing");
        receiver.refuse("failing");
        OutboxDispatcher node = node(receiver);
        node.dispatchDue();

        clock.move(Duration.ofDays(6));
        node.cleanUp();
        assertThat(messages("d", null)).hasSize(2);
        clock.move(Duration.ofDays(2));
        node.cleanUp();

        assertThat(messages("d", null)).extracting(OutboxMessage::payload).containsExactly("failing");
    }

    /** A node of its own: the test's clock, retries after 10 s doubling up to 60 s, kept 7 days. */
    private OutboxDispatcher node(OutboxChannel channel) {
        return new OutboxDispatcher(store, List.of(channel), new OutboxProperties(false, null, 3,
                Duration.ofSeconds(10), Duration.ofSeconds(60), null, Duration.ofDays(7)), clock);
    }

    /** Messages for a destination and key, added in one transaction. */
    private void add(String destination, String key, String... payloads) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (String payload : payloads) {
                outbox.add(message(destination, key, payload));
            }
        });
    }

    private NewMessage message(String destination, String key, String payload) {
        return new NewMessage(channel, destination, key, "test", payload, () -> payload);
    }

    /** The destination's messages, oldest first. */
    private List<OutboxMessage> messages(String destination, Status status) {
        List<OutboxMessage> newestFirst = new ArrayList<>(
                outbox.messages(channel, destination, status, PageRequest.of(0, 100)).getContent());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Takes every message but those it is told to refuse, and remembers what it took in order. */
    private static final class Receiver implements OutboxChannel {

        private final String name;
        final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> seen = Collections.synchronizedSet(new HashSet<>());
        private volatile String refused;
        private volatile String refusedDestination;

        Receiver(String name) {
            this.name = name;
        }

        void refuse(String payload) {
            refused = payload;
        }

        void refuseDestination(String destination) {
            refusedDestination = destination;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Delivery deliver(OutboxMessage message) {
            if (message.payload().equals(refused) || message.destination().equals(refusedDestination)) {
                return Delivery.failed("refused " + message.payload());
            }
            assertThat(seen.add(message.payload())).as("delivered once: " + message.payload()).isTrue();
            delivered.add(message.payload());
            return Delivery.delivered();
        }
    }

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
