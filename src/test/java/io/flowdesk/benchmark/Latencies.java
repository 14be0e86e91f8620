package io.flowdesk.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latencies of one client (no sharing, no locking), merged at the end of a phase. */
final class Latencies {

    private long[] nanos = new long[4096];
    private int size;

    void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    int size() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> all) {
        Latencies merged = new Latencies();
        for (Latencies l : all) {
            for (int i = 0; i < l.size; i++) {
                merged.add(l.nanos[i]);
            }
        }
        return merged;
    }

    /** count, mean, p50, p95, p99 and max in milliseconds. */
    Map<String, Object> summary() {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", size);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        out.put("meanMs", size == 0 ? null : sum / size / 1e6);
        out.put("p50Ms", percentile(sorted, 50));
        out.put("p95Ms", percentile(sorted, 95));
        out.put("p99Ms", percentile(sorted, 99));
        out.put("maxMs", size == 0 ? null : sorted[size - 1] / 1e6);
        return out;
    }

    private static Double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
