package io.flowdesk.portal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RateLimit limit = new RateLimit(3, Duration.ofMinutes(10), nanos::get);

    @Test
    void an_address_gets_its_count_per_window_and_a_fresh_window_after_it() {
        assertThat(limit.take("198.51.100.7")).isTrue();
        assertThat(limit.take("198.51.100.7")).isTrue();
        assertThat(limit.take("198.51.100.7")).isTrue();
        assertThat(limit.take("198.51.100.7")).isFalse();
        assertThat(limit.justRanOut("198.51.100.7")).isTrue();
        assertThat(limit.take("198.51.100.7")).isFalse();
        assertThat(limit.justRanOut("198.51.100.7")).as("said once").isFalse();

        nanos.addAndGet(Duration.ofMinutes(10).toNanos());

        assertThat(limit.take("198.51.100.7")).isTrue();
    }

    @Test
    void each_address_has_its_own_count() {
        for (int i = 0; i < 3; i++) {
            limit.take("198.51.100.7");
        }

        assertThat(limit.take("198.51.100.7")).isFalse();
        assertThat(limit.take("203.0.113.9")).isTrue();
    }
}
