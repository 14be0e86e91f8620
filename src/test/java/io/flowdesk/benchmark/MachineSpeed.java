package io.flowdesk.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * How much work a CPU second buys on this machine right now: the driver's CPU time for one fixed computation
 * (xorshift over a 256 KB table: arithmetic plus cache traffic), run just before each phase while the server
 * is idle. The work is the same every time, so a higher figure means a slower machine (another guest on the
 * host sharing caches and memory bandwidth, frequency), and phases measured at different machine speeds are
 * not comparable, whatever the code did.
 */
final class MachineSpeed {

    private static final int ROUNDS = 100_000_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static volatile long sink;

    private MachineSpeed() {
    }

    /** CPU milliseconds for the fixed work: the best of three tries, so a preempted try does not count. */
    static double probeMs() {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            sink += work(i + 1);
            best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - t0) / 1e6);
        }
        return best;
    }

    private static long work(long seed) {
        int[] table = new int[1 << 16];
        long x = 0x9E3779B97F4A7C15L * seed;
        for (int i = 0; i < ROUNDS; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            table[(int) (x & 0xFFFF)] += (int) x;
        }
        long sum = 0;
        for (int v : table) {
            sum += v;
        }
        return sum;
    }
}
