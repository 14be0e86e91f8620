package io.flowdesk.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code count} requests per client address in a window of {@code per}, the window starting at the address's
 * first request: simple, in this node's memory (a cluster of n nodes lets up to n times as many through), forgotten
 * at a restart. Addresses are kept for one window at most, and at most {@link #ADDRESSES} of them.
 */
final class RateLimit {

    private static final int ADDRESSES = 100_000;

    private final int count;
    private final Duration per;
    private final Cache<String, AtomicInteger> spent;

    RateLimit(int count, Duration per, Ticker ticker) {
        this.count = count;
        this.per = per;
        this.spent = Caffeine.newBuilder().expireAfterWrite(per).maximumSize(ADDRESSES).ticker(ticker).build();
    }

    /** Spends one request of the address's window: false when its window has none left. */
    boolean take(String address) {
        return spent.get(address, first -> new AtomicInteger()).incrementAndGet() <= count;
    }

    /** Whether this was the first request refused in the address's window (to log it once). */
    boolean justRanOut(String address) {
        AtomicInteger used = spent.getIfPresent(address);
        return used != null && used.get() == count + 1;
    }

    Duration window() {
        return per;
    }
}
