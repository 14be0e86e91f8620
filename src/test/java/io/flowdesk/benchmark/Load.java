package io.flowdesk.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Load shapes: closed-loop clients for a fixed time (warm-up, then a measured window), closed-loop clients for a
 * fixed amount of work, and a burst of clients released together. Every client is one platform thread with its
 * own connection; latencies are kept per client and merged afterwards.
 */
final class Load {

    /** One client's unit of work: sends its request(s), returns the HTTP status of the one that counts. */
    interface ClientOp {
        int run(Http http) throws IOException;

        /** HTTP requests per unit (for the driver's CPU per request). */
        default int requests() {
            return 1;
        }

        /** Extra figures this client gathered (merged by the phase's {@link OpFactory#merge}). */
        default Object extra() {
            return null;
        }
    }

    interface OpFactory {
        ClientOp create(int client, Window window);

        default Map<String, Object> merge(List<Object> extras) {
            return null;
        }
    }

    /** The measured window (System.nanoTime). */
    static final class Window {
        volatile long measureStart;
        volatile long measureEnd;

        Window(long measureStart, long measureEnd) {
            this.measureStart = measureStart;
            this.measureEnd = measureEnd;
        }

        /** Not measuring yet: clients run until {@link #open}. */
        static Window notYetOpen() {
            return new Window(Long.MAX_VALUE, Long.MAX_VALUE);
        }

        /** Measuring from now on (the end first, so that no client ever sees a start without its end). */
        void open(long start, long nanos) {
            measureEnd = start + nanos;
            measureStart = start;
        }

        boolean contains(long t) {
            return t > measureStart && t <= measureEnd;
        }
    }

    /** CPU of the server JVM, the database and this driver, and of the whole machine, at one instant. */
    record Snapshot(long nanos, double server, double database, double driver, long machineBusy, long machineTotal,
                    Map<String, Double> serverThreads, Map<String, Long> databaseCounters) {
        static Snapshot take(long serverPid, long databasePid) {
            return take(serverPid, databasePid, Map::of);
        }

        /** With the database's statement and page counters (empty when the server under test is not on MariaDB). */
        static Snapshot take(long serverPid, long databasePid, Supplier<Map<String, Long>> databaseCounters) {
            Map<String, Long> counters = databaseCounters.get();
            long[] machine = ProcStat.machineJiffies();
            return new Snapshot(System.nanoTime(), ProcStat.cpuSeconds(serverPid), ProcStat.cpuSeconds(databasePid),
                    ProcStat.cpuSeconds(ProcStat.SELF), machine[0], machine[1], ProcStat.threadGroups(serverPid),
                    counters);
        }

        /** CPU used between two snapshots: seconds, % of one core, and ms per unit of work. */
        static Map<String, Object> between(Snapshot a, Snapshot b, long units, long httpRequests) {
            double wall = (b.nanos - a.nanos) / 1e9;
            Map<String, Object> out = new LinkedHashMap<>();
            double server = b.server - a.server;
            double database = a.database < 0 || b.database < 0 ? Double.NaN : b.database - a.database;
            double driver = b.driver - a.driver;
            out.put("wallSeconds", wall);
            out.put("serverCpuSeconds", server);
            out.put("databaseCpuSeconds", database);
            out.put("driverCpuSeconds", driver);
            out.put("serverCpuPercentOfOneCore", server / wall * 100);
            out.put("databaseCpuPercentOfOneCore", database / wall * 100);
            out.put("driverCpuPercentOfOneCore", driver / wall * 100);
            long total = b.machineTotal - a.machineTotal;
            double busy = total == 0 ? Double.NaN : (b.machineBusy - a.machineBusy) * 100.0 / total;
            out.put("machineBusyPercentOfAllCores", busy);
            // whatever else ran on the machine meanwhile (another build, tests…): it competes for the same cores
            double others = busy * Runtime.getRuntime().availableProcessors() / 100.0 * wall
                    - server - (Double.isNaN(database) ? 0 : database) - driver;
            out.put("otherProcessesCpuPercentOfOneCore", Math.max(0, others / wall * 100));
            if (units > 0) {
                out.put("serverCpuMsPerUnit", server * 1000 / units);
                out.put("databaseCpuMsPerUnit", database * 1000 / units);
                out.put("serverPlusDatabaseCpuMsPerUnit", (server + database) * 1000 / units);
                out.put("driverCpuMsPerUnit", driver * 1000 / units);
            }
            if (httpRequests > 0) {
                out.put("driverCpuMsPerHttpRequest", driver * 1000 / httpRequests);
            }
            Map<String, Object> work = DatabaseCounters.perUnit(a.databaseCounters, b.databaseCounters, units);
            if (!work.isEmpty()) {
                out.put("databaseWorkPerUnit", work);
            }
            // the server's CPU by thread group, % of one core, largest first
            Map<String, Double> threads = new LinkedHashMap<>();
            b.serverThreads.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), (e.getValue() - a.serverThreads.getOrDefault(e.getKey(), 0.0)) / wall * 100))
                    .filter(e -> e.getValue() >= 0.5)
                    .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                    .forEach(e -> threads.put(e.getKey(), e.getValue()));
            out.put("serverThreadsPercentOfOneCore", threads);
            return out;
        }
    }

    private final String host;
    private final int port;
    private final Supplier<Long> serverPid;
    private final long databasePid;
    private final Supplier<Map<String, Long>> databaseCounters;
    private final Sampler sampler;
    private static final Runnable NOTHING = () -> { };
    /** Run just before the measured window opens (side by side: waits until the other build's load is ready too). */
    private Runnable beforeWindow = NOTHING;

    /** Starts and stops the server-side pool sampler at the edges of the measured window. */
    interface Sampler {
        void start();

        Map<String, Object> stop();
    }

    Load(String host, int port, Supplier<Long> serverPid, long databasePid,
         Supplier<Map<String, Long>> databaseCounters, Sampler sampler, double firstExtraWarmupSeconds,
         double laterExtraWarmupSeconds) {
        this.firstExtraWarmupSeconds = firstExtraWarmupSeconds;
        this.laterExtraWarmupSeconds = laterExtraWarmupSeconds;
        this.databaseCounters = databaseCounters;
        this.host = host;
        this.port = port;
        this.serverPid = serverPid;
        this.databasePid = databasePid;
        this.sampler = sampler;
    }

    /**
     * The same load on the same server, warm already: no phase of it begins gently, and none waits for the JIT
     * compiler beyond its minimum warm-up (the paired rounds, each 10 s of creates between other load).
     */
    Load warm() {
        return warmCopy(databasePid, databaseCounters, 0, NOTHING);
    }

    /**
     * This (warm) load measured side by side with another build's, both at once: each window opens when
     * {@code bothReady} lets it (a barrier both loads pass once warm), so that both measure the same seconds of the
     * host. MariaDB serves both, so its CPU and counters are not this build's alone and are left out.
     */
    Load sideBySide(Runnable bothReady) {
        return warmCopy(-1, Map::of, laterExtraWarmupSeconds, bothReady);
    }

    private Load warmCopy(long databasePid, Supplier<Map<String, Long>> databaseCounters, double extraWarmupSeconds,
                          Runnable beforeWindow) {
        Load warm = new Load(host, port, serverPid, databasePid, databaseCounters, sampler, extraWarmupSeconds,
                extraWarmupSeconds);
        warm.firstPhase = false;
        warm.beforeWindow = beforeWindow;
        return warm;
    }

    /** Side by side, two builds' windows end together: each line of the window's output says whose it is. */
    private String whose(String name) {
        return beforeWindow == NOTHING ? "" : name + ": ";
    }

    private static final class Client {
        final Latencies latencies = new Latencies();
        final Map<Integer, Integer> errorStatuses = new TreeMap<>();
        int[] perSecond;
        int okInWindow;
        int doneInWindow;
        int sentInWindow;
        int errorsInWindow;
        int okTotal;
        int errorsTotal;
        int connects;
        String firstError;
        Object extra;
        int requestsPerOp = 1;
    }

    /**
     * {@code clients} closed-loop clients: a warm-up of at least {@code warmupSeconds}, longer while the server's
     * JIT compiler is still busy (see {@link #awaitSettledJit}), then {@code measureSeconds} measured; figures
     * from the measured window only.
     * <p>
     * The first phase on a fresh server (one {@code Load} per server start) begins gently: during its minimum
     * warm-up only {@value #GENTLE_CLIENTS} of the clients run, the rest join after it. On two cores a cold JVM's
     * compiler threads get only a small share of the CPU next to 8 or 64 busy request threads and MariaDB (seen:
     * still 24 % of a core after 120 s at full load); with two clients they get the spare core, compile the same
     * hot paths (the same requests) and settle within the warm-up.
     */
    Map<String, Object> closedLoop(String name, int clients, double warmupSeconds, double measureSeconds,
                                   int expectedStatus, OpFactory factory) throws InterruptedException {
        MachineSpeed.Probe machine = MachineSpeed.probe();
        System.out.printf("  %s: %d clients, %.0f s warm-up (more while the JIT compiles) + %.0f s measured"
                        + " (machine probes: compute %.0f ms, loopback %.1f µs)%n", name, clients, warmupSeconds,
                measureSeconds, machine.computeMs(), machine.loopbackUs());
        long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        Window window = Window.notYetOpen();
        List<Client> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int seconds = (int) Math.ceil(measureSeconds);
        int joinLate = firstPhase ? GENTLE_CLIENTS : clients;
        double maxExtraWarmupSeconds = firstPhase ? firstExtraWarmupSeconds : laterExtraWarmupSeconds;
        long allJoin = begin + (long) (warmupSeconds * 1e9);
        if (firstPhase && clients > GENTLE_CLIENTS) {
            System.out.printf("    first phase on this server: %d clients until %.0f s, then %d%n", GENTLE_CLIENTS,
                    warmupSeconds, clients);
        }
        firstPhase = false;
        for (int c = 0; c < clients; c++) {
            Client client = new Client();
            client.perSecond = new int[seconds + 1];
            all.add(client);
            ClientOp op = factory.create(c, window);
            client.requestsPerOp = op.requests();
            boolean late = c >= joinLate;
            Thread thread = new Thread(null, () -> {
                if (late) {
                    try {
                        sleepUntil(allJoin);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                runClient(client, op, window, expectedStatus);
            }, name + "-" + c, 256 * 1024);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        sleepUntil(begin + (long) (warmupSeconds * 1e9));
        double warmedSeconds = awaitSettledJit(begin, maxExtraWarmupSeconds);
        System.out.printf("    %swarm-up took %.0f s%n", whose(name), warmedSeconds);
        beforeWindow.run();
        window.open(System.nanoTime(), (long) (measureSeconds * 1e9));
        Snapshot a = Snapshot.take(serverPid.get(), databasePid, databaseCounters);
        sampler.start();
        sleepUntil(window.measureEnd);
        Snapshot b = Snapshot.take(serverPid.get(), databasePid, databaseCounters);
        Map<String, Object> pool = sampler.stop();
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(5));
        }
        Map<String, Object> out = summarize(name, clients, warmedSeconds, measureSeconds, all, factory, a, b, pool);
        out.put("minimumWarmupSeconds", warmupSeconds);
        out.put("machineProbeMs", machine.computeMs());
        out.put("machineLoopbackProbeUs", machine.loopbackUs());
        return out;
    }

    /**
     * Throughput is measured on a warm server: after the minimum warm-up, the load goes on in steps of
     * {@value #JIT_STEP_SECONDS} s until the server's JIT compiler threads used less than
     * {@value #JIT_SETTLED_SHARE} of one core over the last step, for at most {@code maxExtraWarmupSeconds} more:
     * in full mode 60 s in a server's first phase and 20 s in its later ones; quick mode none (its figures are not
     * steady state anyway). A JVM a minute after start still compiles the engine's code paths (seen: 28 % of a core
     * in the first phase after a 40 s warm-up); a service desk's server runs for days. In a later phase the JIT
     * settles within 10 s on a fast host, and on a slow one it did not settle within 60 s either (2026-12-03: 10-20 %
     * of a core still in the measured window), so a longer wait there only made the run longer. Returns the
     * warm-up's length.
     */
    private double awaitSettledJit(long begin, double maxExtraWarmupSeconds) throws InterruptedException {
        long giveUp = System.nanoTime() + (long) (maxExtraWarmupSeconds * 1e9);
        double before = jitSeconds();
        while (System.nanoTime() < giveUp) {
            Thread.sleep((long) (JIT_STEP_SECONDS * 1000));
            double now = jitSeconds();
            if (now < 0 || (now - before) / JIT_STEP_SECONDS < JIT_SETTLED_SHARE) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    static final int GENTLE_CLIENTS = 2;
    private boolean firstPhase = true;
    static final double JIT_STEP_SECONDS = 5;
    static final double JIT_SETTLED_SHARE = 0.10;
    private final double firstExtraWarmupSeconds;
    private final double laterExtraWarmupSeconds;

    private double jitSeconds() {
        return ProcStat.threadGroups(serverPid.get()).getOrDefault("jit-compiler", -1.0);
    }

    private void runClient(Client client, ClientOp op, Window window, int expectedStatus) {
        try (Http http = new Http(host, port, 120_000)) {
            while (true) {
                long t0 = System.nanoTime();
                if (t0 >= window.measureEnd) {
                    break;
                }
                int status;
                try {
                    status = op.run(http);
                } catch (IOException | RuntimeException e) {
                    status = -1;
                    if (client.firstError == null) {
                        client.firstError = e.toString();
                    }
                }
                long t1 = System.nanoTime();
                boolean ok = status == expectedStatus;
                if (ok) {
                    client.okTotal++;
                } else {
                    client.errorsTotal++;
                    client.errorStatuses.merge(status, 1, Integer::sum);
                    if (client.firstError == null) {
                        client.firstError = "HTTP " + status + ": " + abbreviate(http.body());
                    }
                }
                // throughput: answers that arrive in the window; latency and errors: requests sent in the window
                // (however long they take: the phase waits for the last answer)
                if (window.contains(t1)) {
                    client.doneInWindow++;
                    if (ok) {
                        client.okInWindow++;
                        client.perSecond[(int) ((t1 - window.measureStart - 1) / 1_000_000_000L)]++;
                    }
                }
                if (window.contains(t0)) {
                    client.sentInWindow++;
                    if (ok) {
                        client.latencies.add(t1 - t0);
                    } else {
                        client.errorsInWindow++;
                    }
                }
            }
            client.connects = http.connects;
        } finally {
            client.extra = op.extra();
        }
    }

    private Map<String, Object> summarize(String name, int clients, double warmupSeconds, double measureSeconds,
                                          List<Client> all, OpFactory factory, Snapshot a, Snapshot b,
                                          Map<String, Object> pool) {
        int ok = 0;
        int errors = 0;
        int okTotal = 0;
        int errorsTotal = 0;
        int sent = 0;
        int connects = 0;
        long requests = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        String firstError = null;
        int[] perSecond = new int[all.get(0).perSecond.length];
        List<Latencies> latencies = new ArrayList<>();
        List<Object> extras = new ArrayList<>();
        for (Client c : all) {
            ok += c.okInWindow;
            errors += c.errorsInWindow;
            okTotal += c.okTotal;
            errorsTotal += c.errorsTotal;
            connects += c.connects;
            requests += (long) c.doneInWindow * c.requestsPerOp;
            sent += c.sentInWindow;
            c.errorStatuses.forEach((k, v) -> statuses.merge(k, v, Integer::sum));
            if (firstError == null) {
                firstError = c.firstError;
            }
            for (int i = 0; i < perSecond.length; i++) {
                perSecond[i] += c.perSecond[i];
            }
            latencies.add(c.latencies);
            extras.add(c.extra);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("clients", clients);
        out.put("warmupSeconds", warmupSeconds);
        out.put("measuredSeconds", measureSeconds);
        out.put("ok", ok);
        out.put("sentInWindow", sent);
        out.put("errors", errors);
        out.put("errorShare", sent == 0 ? null : (double) errors / sent);
        out.put("perSecond", ok / measureSeconds);
        out.put("latency", Latencies.merge(latencies).summary());
        out.put("okIncludingWarmup", okTotal);
        out.put("errorsIncludingWarmup", errorsTotal);
        out.put("errorStatuses", toStringKeys(statuses));
        out.put("firstError", firstError);
        out.put("connections", connects);
        List<Integer> timeline = new ArrayList<>();
        for (int i = 0; i < (int) measureSeconds && i < perSecond.length; i++) {
            timeline.add(perSecond[i]);
        }
        out.put("okPerSecondTimeline", timeline);
        out.put("cpu", Snapshot.between(a, b, ok, requests));
        out.put("serverSampler", pool);
        Map<String, Object> extra = factory.merge(extras);
        if (extra != null) {
            out.put("detail", extra);
        }
        System.out.printf("    %s-> %.1f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d; CPU server %.0f %%,"
                        + " db %.0f %%, driver %.1f %% of a core; machine %.0f %% busy%n",
                whose(name), ok / measureSeconds,
                num(((Map<?, ?>) out.get("latency")).get("p50Ms")),
                num(((Map<?, ?>) out.get("latency")).get("p99Ms")), num(((Map<?, ?>) out.get("latency")).get("maxMs")),
                errors, num(((Map<?, ?>) out.get("cpu")).get("serverCpuPercentOfOneCore")),
                num(((Map<?, ?>) out.get("cpu")).get("databaseCpuPercentOfOneCore")),
                num(((Map<?, ?>) out.get("cpu")).get("driverCpuPercentOfOneCore")),
                num(((Map<?, ?>) out.get("cpu")).get("machineBusyPercentOfAllCores")));
        System.out.println("    server CPU by threads (% of a core): "
                + ((Map<?, ?>) out.get("cpu")).get("serverThreadsPercentOfOneCore"));
        if (firstError != null) {
            System.out.println("    first error: " + firstError);
        }
        return out;
    }

    /** {@code clients} closed-loop clients until {@code total} units are done (seeding). */
    Map<String, Object> fixedCount(String name, int clients, int total, int expectedStatus, OpFactory factory)
            throws InterruptedException {
        System.out.printf("  %s: %d units with %d clients%n", name, total, clients);
        AtomicInteger remaining = new AtomicInteger(total);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Map<Integer, Integer> statuses = new HashMap<>();
        String[] firstError = new String[1];
        Window always = new Window(Long.MIN_VALUE, Long.MAX_VALUE);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            ClientOp op = factory.create(c, always);
            Thread thread = new Thread(null, () -> {
                try (Http http = new Http(host, port, 120_000)) {
                    while (remaining.getAndDecrement() > 0) {
                        int status;
                        try {
                            status = op.run(http);
                        } catch (IOException | RuntimeException e) {
                            status = -1;
                            synchronized (firstError) {
                                if (firstError[0] == null) {
                                    firstError[0] = e.toString();
                                }
                            }
                        }
                        if (status == expectedStatus) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                statuses.merge(status, 1, Integer::sum);
                                if (firstError[0] == null) {
                                    firstError[0] = "HTTP " + status + ": " + abbreviate(http.body());
                                }
                            }
                        }
                    }
                }
            }, name + "-" + c, 256 * 1024);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        long lastReport = System.nanoTime();
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                thread.join(1000);
                if (System.nanoTime() - lastReport > 30e9) {
                    lastReport = System.nanoTime();
                    double s = (lastReport - start) / 1e9;
                    System.out.printf("    … %d of %d after %.0f s (%.0f/s)%n", ok.get() + errors.get(), total, s,
                            ok.get() / s);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("clients", clients);
        out.put("units", total);
        out.put("ok", ok.get());
        out.put("errors", errors.get());
        out.put("errorStatuses", toStringKeys(statuses));
        out.put("firstError", firstError[0]);
        out.put("seconds", seconds);
        out.put("perSecond", ok.get() / seconds);
        System.out.printf("    -> %d ok, %d errors in %.1f s (%.0f/s)%n", ok.get(), errors.get(), seconds,
                ok.get() / seconds);
        return out;
    }

    /** {@code clients} clients, each with a new connection, released together by a latch: one request each. */
    Map<String, Object> burst(String name, int clients, int expectedStatus, Supplier<ClientOp> ops)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[] latency = new long[clients];
        int[] status = new int[clients];
        String[] errors = new String[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            ClientOp op = ops.get();
            Thread thread = new Thread(null, () -> {
                try {
                    ready.countDown();
                    go.await();
                    long t0 = System.nanoTime();
                    try (Http http = new Http(host, port, 120_000)) {
                        try {
                            status[client] = op.run(http);
                            if (status[client] != expectedStatus) {
                                errors[client] = "HTTP " + status[client] + ": " + abbreviate(http.body());
                            }
                        } catch (IOException | RuntimeException e) {
                            status[client] = -1;
                            errors[client] = e.toString();
                        }
                    }
                    latency[client] = System.nanoTime() - t0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, name + "-" + c, 256 * 1024);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        Thread.sleep(200);
        Snapshot a = Snapshot.take(serverPid.get(), databasePid, databaseCounters);
        long released = System.nanoTime();
        go.countDown();
        done.await(5, TimeUnit.MINUTES);
        double wall = (System.nanoTime() - released) / 1e9;
        Snapshot b = Snapshot.take(serverPid.get(), databasePid, databaseCounters);
        Latencies all = new Latencies();
        int ok = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        String firstError = null;
        for (int c = 0; c < clients; c++) {
            if (status[c] == expectedStatus) {
                ok++;
                all.add(latency[c]);
            } else {
                statuses.merge(status[c], 1, Integer::sum);
                if (firstError == null) {
                    firstError = errors[c];
                }
            }
        }
        // the slowest client, answered or not, is the burst's max
        long max = 0;
        for (long l : latency) {
            max = Math.max(max, l);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("clients", clients);
        out.put("ok", ok);
        out.put("errors", clients - ok);
        out.put("errorStatuses", toStringKeys(statuses));
        out.put("firstError", firstError);
        out.put("secondsToLastResponse", wall);
        out.put("latency", all.summary());
        out.put("maxMsAllClients", max / 1e6);
        out.put("cpu", Snapshot.between(a, b, ok, clients));
        System.out.printf("    %s -> %d ok, %d errors, p50 %.0f ms, p99 %.0f ms, max %.0f ms, all done in %.1f s%n", name,
                ok, clients - ok, num(all.summary().get("p50Ms")), num(all.summary().get("p99Ms")), max / 1e6, wall);
        if (firstError != null) {
            System.out.println("    first error: " + firstError);
        }
        return out;
    }

    private static Map<String, Integer> toStringKeys(Map<Integer, Integer> statuses) {
        Map<String, Integer> out = new LinkedHashMap<>();
        statuses.forEach((k, v) -> out.put(k == -1 ? "io-error" : k == 0 ? "no-task" : Integer.toString(k), v));
        return out;
    }

    static double num(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        s = s.replace('\n', ' ');
        return s.length() > 300 ? s.substring(0, 300) + " …" : s;
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        while (true) {
            long left = nanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 100_000_000L));
        }
    }
}
