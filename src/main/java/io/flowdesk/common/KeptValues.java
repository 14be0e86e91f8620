package io.flowdesk.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values kept for a while, read again when missing, without holding a lock while they are read. A cache that loads
 * under its per-key lock (Caffeine's {@code get(key, loader)}, {@code computeIfAbsent}) makes every request that
 * wants the key wait for the one loading it; when that load needs a database connection and the pool is empty, the
 * requests holding the pool's connections wait for it and it waits for them, until the pool's 30 s timeout (seen in
 * bursts of 500 ticket creates right after the latest definitions were forgotten: creates stuck for 30 s, two
 * answered 500). Here a missing value is read by each request that misses it (a few duplicate reads, once per
 * expiry) and the first stored stays. A value read while {@link #forgetAll} ran is not kept, as it may be old.
 */
public final class KeptValues<K, V> {

    private final Cache<K, V> values;
    /** Advanced by every forgetting: a read that began before it is not kept. */
    private final AtomicLong forgettings = new AtomicLong();

    public KeptValues(Duration atMost, long maximumSize) {
        this.values = Caffeine.newBuilder().expireAfterWrite(atMost).maximumSize(maximumSize).build();
    }

    /** The kept value, else the one {@code read} returns (kept unless forgotten meanwhile). Values are never null. */
    public V get(K key, Function<? super K, ? extends V> read) {
        V kept = values.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        long before = forgettings();
        return keep(key, read.apply(key), before);
    }

    /** How often everything was forgotten so far: read before reading a value to {@link #keep} it. */
    public long forgettings() {
        return forgettings.get();
    }

    /**
     * Keeps a value read after {@link #forgettings} said {@code before}, unless a value is kept already (that one
     * stays and is returned) or everything was forgotten meanwhile (what was read may be old: not kept).
     */
    public V keep(K key, V value, long before) {
        V first = values.asMap().putIfAbsent(key, value);
        if (forgettings.get() != before) {
            values.asMap().remove(key, first == null ? value : first);
        }
        return first == null ? value : first;
    }

    /** The kept value, or null. */
    public V getIfPresent(K key) {
        return values.getIfPresent(key);
    }

    /** About how many values are kept. */
    public long size() {
        values.cleanUp();
        return values.estimatedSize();
    }

    public void forgetAll() {
        forgettings.incrementAndGet();
        values.invalidateAll();
    }
}
