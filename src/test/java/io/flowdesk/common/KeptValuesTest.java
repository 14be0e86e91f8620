package io.flowdesk.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class KeptValuesTest {

    final KeptValues<String, String> kept = new KeptValues<>(Duration.ofMinutes(1), 10);

    /**
     * A read in progress (waiting, as it might for a database connection) does not hold up another request for the
     * same key: that one reads for itself. Under Caffeine's own loading both would wait for the first.
     */
    @Test
    void a_slow_read_holds_up_nobody_else_who_wants_the_same_value() throws Exception {
        CountDownLatch slowReadStarted = new CountDownLatch(1);
        CountDownLatch releaseSlowRead = new CountDownLatch(1);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> kept.get("inquiry", key -> {
            slowReadStarted.countDown();
            await(releaseSlowRead);
            return "slow";
        }));
        assertThat(slowReadStarted.await(10, TimeUnit.SECONDS)).isTrue();

        String fast = CompletableFuture.supplyAsync(() -> kept.get("inquiry", key -> "fast")).get(10, TimeUnit.SECONDS);

        assertThat(fast).isEqualTo("fast");
        releaseSlowRead.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).as("the first value stored stays").isEqualTo("fast");
        assertThat(kept.getIfPresent("inquiry")).isEqualTo("fast");
    }

    @Test
    void a_value_is_read_once_while_kept_and_again_once_forgotten() {
        AtomicInteger reads = new AtomicInteger();
        assertThat(kept.get("k", key -> "v" + reads.incrementAndGet())).isEqualTo("v1");
        assertThat(kept.get("k", key -> "v" + reads.incrementAndGet())).isEqualTo("v1");
        kept.forgetAll();
        assertThat(kept.get("k", key -> "v" + reads.incrementAndGet())).isEqualTo("v2");
    }

    @Test
    void a_value_read_while_everything_was_forgotten_is_not_kept() {
        String read = kept.get("k", key -> {
            kept.forgetAll(); // a deployment committed while this read was under way: what it read may be old
            return "old";
        });
        assertThat(read).isEqualTo("old");
        assertThat(kept.getIfPresent("k")).isNull();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
