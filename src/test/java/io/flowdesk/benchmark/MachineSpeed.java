package io.flowdesk.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * How much work a CPU second buys on this machine right now, read just before each phase while the server is
 * idle, by two fixed pieces of work in the driver: the same work every time, so a higher figure means a slower
 * machine, and phases measured at different machine speeds are not comparable, whatever the code did.
 * <ul>
 *   <li><b>compute</b>: the driver thread's CPU time for a xorshift over a 256 KB table (arithmetic plus cache
 *   traffic): catches another guest sharing caches and memory bandwidth, or a lower clock;</li>
 *   <li><b>loopback</b>: the driver thread's CPU time (user + system) per round trip of 64 bytes over a
 *   loopback TCP connection whose two ends it serves itself: the kernel's share of every request and database
 *   call. Added after runs where the compute probe read the same or faster while the server spent 40 % more
 *   CPU per create and the driver twice as much per request (2026-12-01 evening against its morning).</li>
 * </ul>
 */
final class MachineSpeed {

    /** One reading: compute probe in CPU ms, loopback probe in CPU µs per round trip (about 0.25 s each). */
    record Probe(double computeMs, double loopbackUs) {
    }

    private static final int ROUNDS = 100_000_000;
    private static final int ROUND_TRIPS = 20_000;
    private static final int MESSAGE_BYTES = 64;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static volatile long sink;

    private MachineSpeed() {
    }

    /** Both probes, each the best of three tries, so a preempted try does not count. */
    static Probe probe() {
        return new Probe(computeMs(), loopbackUs());
    }

    private static double computeMs() {
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

    private static double loopbackUs() {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, loopbackTry());
        }
        return best;
    }

    /**
     * CPU µs per round trip, both ends in this thread: the client writes 64 bytes, the server end reads and writes
     * them back, the client reads them. Loopback TCP delivers on the sender's call, so no thread waits or wakes:
     * four system calls and the TCP stack, without the scheduler's noise (a ping-pong between two threads read
     * 17-34 µs within one run).
     */
    private static double loopbackTry() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket listener = new ServerSocket(0, 1, loopback);
             Socket client = new Socket(loopback, listener.getLocalPort());
             Socket server = listener.accept()) {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            byte[] message = new byte[MESSAGE_BYTES];
            roundTrips(client, server, message, 1_000); // connection and code warm
            long t0 = THREADS.getCurrentThreadCpuTime();
            roundTrips(client, server, message, ROUND_TRIPS);
            return (THREADS.getCurrentThreadCpuTime() - t0) / 1e3 / ROUND_TRIPS;
        } catch (IOException e) {
            throw new UncheckedIOException("loopback probe failed", e);
        }
    }

    private static void roundTrips(Socket client, Socket server, byte[] message, int count) throws IOException {
        InputStream clientIn = client.getInputStream();
        OutputStream clientOut = client.getOutputStream();
        InputStream serverIn = server.getInputStream();
        OutputStream serverOut = server.getOutputStream();
        for (int i = 0; i < count; i++) {
            clientOut.write(message);
            read(serverIn, message);
            serverOut.write(message);
            read(clientIn, message);
        }
    }

    private static void read(InputStream in, byte[] message) throws IOException {
        if (in.readNBytes(message, 0, MESSAGE_BYTES) < MESSAGE_BYTES) {
            throw new IOException("loopback connection closed");
        }
    }
}
