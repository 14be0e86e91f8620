package io.flowdesk.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two builds measured in alternation: both servers run side by side (each on its own port and database), and every
 * phase is measured in short windows that switch between them, A then B, B then A, round after round. The host's
 * speed drifts by 20-50 % within an hour without the machine probes seeing it (benchmark/README.md, 2026-12-06), so
 * two runs twenty minutes apart cannot show a 10 % budget; windows seconds apart run on the same machine speed, and
 * the alternating order cancels a drift within a round. While one server is measured the other idles (its job
 * executor's polls only).
 * <p>
 * Phases per round: create at 1, 8 and 64 clients, completion at 8 and 64 clients on a backlog of about 1,000 open
 * tickets, the departments' queues, and {@code --bursts} bursts each (A, B, A, B, ...); with {@code --backlog N} both
 * are then filled to N open tickets and completion at 8 and 64 clients and the queues are measured again in
 * alternation. Reported: each build's rate over all its windows of a phase, B against
 * A, each round's ratio, CPU and statements per operation.
 * <p>
 * With {@code --side-by-side} the create and completion windows of the two builds run at the same time instead,
 * each build with its own clients, so that both measure the very same seconds of the host (its drift within a
 * round no longer falls on one build's window); the two servers and MariaDB then share the cores, and each build's
 * rate says how much of them its operations need. MariaDB's CPU and counters serve both and are not reported per
 * build in those windows. Bursts and queue looks stay in alternation.
 */
public final class Alternation {

    private static final String HOST = BenchmarkDriver.HOST;

    /** One of the two builds: its jar, server, database and load. */
    private static final class Build {
        final String label;
        final String revision;
        final Path jar;
        final List<String> jvmOptions;
        final int port;
        final String database;
        final Workloads workloads = new Workloads(new AtomicLong());
        ServerProcess server;
        Load load;
        String queueFilterId;
        long created;
        List<Workloads.TicketRef> tickets;

        Build(String label, String revision, Path jar, List<String> jvmOptions, int port, String database) {
            this.label = label;
            this.revision = revision;
            this.jar = jar;
            this.jvmOptions = jvmOptions;
            this.port = port;
            this.database = database;
        }

        String admin() {
            return Http.basic("admin", BenchmarkDriver.MYSQL_ADMIN_PASSWORD);
        }

        String get(String path) throws IOException {
            return BenchmarkDriver.get(port, admin(), path);
        }

        @Override
        public String toString() {
            return label + " (" + revision + ")";
        }
    }

    private final Options o;
    private final Build a;
    private final Build b;
    private final long databasePid = ProcStat.databasePid();
    private final Map<String, Object> report = new LinkedHashMap<>();
    /** phase name → the windows of A and of B, in the order run */
    private final Map<String, List<Map<String, Object>>> windowsA = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> windowsB = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    private Alternation(Options o) {
        this.o = o;
        this.a = new Build("A", o.revisionA, o.jarA, o.jvmOptionsA, o.port, o.database + "_a");
        this.b = new Build("B", o.revisionB, o.jarB, o.jvmOptionsB, o.port + 1, o.database + "_b");
    }

    public static void main(String[] args) throws Exception {
        new Alternation(Options.parse(args)).run();
        System.exit(0);
    }

    static final class Options {
        Path jarA;
        Path jarB;
        String revisionA = "A";
        String revisionB = "B";
        List<String> jvmOptionsA = new ArrayList<>();
        List<String> jvmOptionsB = new ArrayList<>();
        Path results = Path.of("benchmark/results");
        int port = 18080;
        String database = "flowdesk_bench";
        int rounds = 6;
        double window = 15;
        double warmup = 3;
        /** Each server's first warm-up, creates and completions before the rounds: the JIT compiles meanwhile. */
        double firstWarmup = 60;
        int seed = 1000;
        int completionTickets = 1000;
        int backlog;
        int backlogRounds = 4;
        int burstClients = 500;
        int bursts = 3;
        boolean sideBySide;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> list = Arrays.asList(args);
            for (int i = 0; i < list.size(); i++) {
                String arg = list.get(i);
                switch (arg) {
                    case "--jar-a" -> o.jarA = Path.of(list.get(++i));
                    case "--jar-b" -> o.jarB = Path.of(list.get(++i));
                    case "--revision-a" -> o.revisionA = list.get(++i);
                    case "--revision-b" -> o.revisionB = list.get(++i);
                    case "--jvm-option-a" -> o.jvmOptionsA.add(list.get(++i));
                    case "--jvm-option-b" -> o.jvmOptionsB.add(list.get(++i));
                    case "--results" -> o.results = Path.of(list.get(++i));
                    case "--port" -> o.port = Integer.parseInt(list.get(++i));
                    case "--database" -> o.database = list.get(++i);
                    case "--rounds" -> o.rounds = Integer.parseInt(list.get(++i));
                    case "--window" -> o.window = Double.parseDouble(list.get(++i));
                    case "--warmup" -> o.warmup = Double.parseDouble(list.get(++i));
                    case "--first-warmup" -> o.firstWarmup = Double.parseDouble(list.get(++i));
                    case "--seed" -> o.seed = Integer.parseInt(list.get(++i));
                    case "--backlog" -> o.backlog = Integer.parseInt(list.get(++i));
                    case "--backlog-rounds" -> o.backlogRounds = Integer.parseInt(list.get(++i));
                    case "--burst-clients" -> o.burstClients = Integer.parseInt(list.get(++i));
                    case "--bursts" -> o.bursts = Integer.parseInt(list.get(++i));
                    case "--side-by-side" -> o.sideBySide = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg + " (see benchmark/README.md)");
                }
            }
            if (o.jarA == null || o.jarB == null) {
                throw new IllegalArgumentException("--jar-a and --jar-b are required");
            }
            return o;
        }

        Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mode", "alternation");
            out.put("A", revisionA + " " + jarA);
            out.put("B", revisionB + " " + jarB);
            out.put("rounds", rounds);
            out.put("windowSeconds", window);
            out.put("warmupSecondsPerWindow", warmup);
            out.put("firstWarmupSeconds", firstWarmup);
            out.put("seedTickets", seed);
            out.put("backlog", backlog);
            out.put("backlogRounds", backlog > 0 ? backlogRounds : 0);
            out.put("burstClients", burstClients);
            out.put("burstsPerBuildPerRound", bursts);
            out.put("createAndCompletionWindows", sideBySide ? "side by side" : "alternating");
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------------ run

    private void run() throws Exception {
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                + "-alternation";
        Files.createDirectories(o.results);
        report.put("timestamp", Instant.now().toString());
        report.put("options", o.describe());
        System.out.println("Flowdesk benchmark, two builds in alternation, " + report.get("timestamp"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(a);
            stop(b);
        }));
        try {
            for (Build build : List.of(a, b)) {
                start(build, o.results.resolve("logs").resolve(stamp + "-" + build.label + ".log"));
            }
            for (Build build : List.of(a, b)) {
                build.created += ok(build.load.fixedCount(build.label + " seed", BenchmarkDriver.SEED_CLIENTS, o.seed,
                        201, build.workloads.creates(null)));
                build.tickets = BenchmarkDriver.openTickets(build::get, o.completionTickets, false);
            }
            section("warm-up: each server's JIT on the phases' code paths, " + o.firstWarmup + " s each");
            for (Build build : List.of(a, b)) {
                build.created += ok(build.load.closedLoop(build.label + " warm-up create-64", 64, o.firstWarmup, 5, 201,
                        build.workloads.creates(null)), "okIncludingWarmup");
                build.load.closedLoop(build.label + " warm-up complete-8", 8, o.firstWarmup / 2, 5, 204,
                        Workloads.completions(build.tickets, 8));
                queueLooks(build, " warm-up queue", o.firstWarmup / 4, 5);
                build.load = build.load.warm();
            }
            for (int r = 1; r <= o.rounds; r++) {
                int round = r;
                section("round " + round + " of " + o.rounds + (round % 2 == 1 ? ": A first" : ": B first"));
                for (int clients : new int[] {1, 8, 64}) {
                    measure(round, "create-" + clients, (build, load) -> load.closedLoop(
                            build.label + " r" + round + " create-" + clients, clients, o.warmup, o.window, 201,
                            build.workloads.creates(null)));
                }
                for (int clients : new int[] {8, 64}) {
                    measure(round, "complete1k-" + clients, (build, load) -> load.closedLoop(
                            build.label + " r" + round + " complete1k-" + clients, clients, o.warmup, o.window, 204,
                            Workloads.completions(build.tickets, clients)));
                }
                alternate(round, "queue1k", (build, load) -> queueLooks(build, " queue", o.warmup, o.window));
                for (int k = 1; k <= o.bursts; k++) {
                    String name = " r" + round + " burst " + k;
                    alternate(round, "burst", (build, load) -> {
                        Map<String, Object> burst = load.burst(build.label + name, o.burstClients, 201,
                                build.workloads::oneCreate);
                        Thread.sleep(2000);
                        return burst;
                    });
                }
            }
            if (o.backlog > 0) {
                backlog();
            }
            for (Build build : List.of(a, b)) {
                report.put("rows" + build.label, rows(build));
            }
        } catch (Exception e) {
            report.put("aborted", e.toString());
            System.out.println("ABORTED: " + e);
            e.printStackTrace(System.out);
        } finally {
            stop(a);
            stop(b);
            finish(stamp);
        }
    }

    /** Both filled to the backlog's size of open tickets, then completion on tickets spread over it. */
    private void backlog() throws Exception {
        section("backlog: both filled to " + o.backlog + " open tickets");
        for (Build build : List.of(a, b)) {
            long open = openTickets(build);
            int missing = (int) Math.max(0, o.backlog - open);
            build.created += ok(build.load.fixedCount(build.label + " backlog", BenchmarkDriver.SEED_CLIENTS, missing,
                    201, build.workloads.creates(null)));
            build.tickets = BenchmarkDriver.openTickets(build::get, o.completionTickets, true);
            report.put("backlogOpenTickets" + build.label, openTickets(build));
            build.load.closedLoop(build.label + " backlog warm-up complete-8", 8, o.firstWarmup / 2, 5, 204,
                    Workloads.completions(build.tickets, 8));
        }
        for (int r = 1; r <= o.backlogRounds; r++) {
            int round = r;
            section("backlog round " + round + " of " + o.backlogRounds + (round % 2 == 1 ? ": A first" : ": B first"));
            for (int clients : new int[] {8, 64}) {
                measure(round, "completeBacklog-" + clients, (build, load) -> load.closedLoop(
                        build.label + " r" + round + " completeBacklog-" + clients, clients, o.warmup, o.window, 204,
                        Workloads.completions(build.tickets, clients)));
            }
            alternate(round, "queueBacklog", (build, load) -> queueLooks(build, " queue", o.warmup, o.window));
        }
    }

    /** Agents of the twenty departments looking at their queues, as in the single run's queue phase. */
    private static Map<String, Object> queueLooks(Build build, String name, double warmup, double seconds)
            throws Exception {
        return build.load.closedLoop(build.label + name, BenchmarkDriver.QUEUE_CLIENTS, warmup, seconds, 200,
                Queues.looks(build.queueFilterId, BenchmarkDriver.QUEUE_CLIENTS));
    }

    interface BuildWindow {
        Map<String, Object> run(Build build, Load load) throws Exception;
    }

    /** A create or completion phase's windows: side by side if asked for, else in alternation. */
    private void measure(int round, String phase, BuildWindow window) throws Exception {
        if (o.sideBySide) {
            together(phase, window);
        } else {
            alternate(round, phase, window);
        }
    }

    /** One window of each build, A first in odd rounds, B first in even ones. */
    private void alternate(int round, String phase, BuildWindow window) throws Exception {
        List<Build> order = round % 2 == 1 ? List.of(a, b) : List.of(b, a);
        for (Build build : order) {
            record(build, phase, window.run(build, build.load));
        }
    }

    /** Both builds' windows at once, opened together once both loads are warm ({@code --side-by-side}). */
    private void together(String phase, BuildWindow window) throws Exception {
        CyclicBarrier ready = new CyclicBarrier(2);
        Runnable bothReady = () -> {
            try {
                ready.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the other build's load", e);
            } catch (BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the other build's load did not get ready", e);
            }
        };
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            Future<Map<String, Object>> resultA = both.submit(() -> window.run(a, a.load.sideBySide(bothReady)));
            Future<Map<String, Object>> resultB = both.submit(() -> window.run(b, b.load.sideBySide(bothReady)));
            record(a, phase, outcome(resultA, ready));
            record(b, phase, outcome(resultB, ready));
        } finally {
            both.shutdownNow();
        }
    }

    /** The window's result; if it failed, the other build's load is released from the barrier too. */
    private static Map<String, Object> outcome(Future<Map<String, Object>> result, CyclicBarrier ready)
            throws Exception {
        try {
            return result.get();
        } catch (ExecutionException e) {
            ready.reset();
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void record(Build build, String phase, Map<String, Object> result) {
        (build == a ? windowsA : windowsB).computeIfAbsent(phase, k -> new ArrayList<>()).add(result);
        if (phase.startsWith("create") || phase.equals("burst")) {
            build.created += ok(result, phase.equals("burst") ? "ok" : "okIncludingWarmup");
        }
    }

    // ------------------------------------------------------------------------------------------------ servers

    private void start(Build build, Path log) throws Exception {
        section("build " + build + ": fresh database " + build.database + ", port " + build.port);
        try (Connection c = admin(""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + build.database);
            s.execute("create database " + build.database + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        List<String> arguments = List.of("--spring.profiles.active=mysql,benchmark", "--server.port=" + build.port,
                "--spring.datasource.url=jdbc:mysql://" + HOST + ":3306/" + build.database + "?"
                        + BenchmarkDriver.MYSQL_OPTIONS,
                "--camunda.bpm.admin-user.password=" + BenchmarkDriver.MYSQL_ADMIN_PASSWORD,
                "--flowdesk.demo.enabled=true");
        build.server = ServerProcess.start(build.jar, build.jvmOptions, arguments, log, build.port);
        System.out.printf("  server pid %d ready in %.1f s (log %s)%n", build.server.pid, build.server.readySeconds, log);
        Departments.setUp("http://" + HOST + ":" + build.port, build.admin(), Path.of("processes/routing.dmn"));
        build.queueFilterId = BenchmarkDriver.queueFilterId(build::get);
        // the gentle first phase and the JIT's extra warm-up of the single runs apply to the warm-up windows only
        build.load = new Load(HOST, build.port, () -> build.server.pid, databasePid, this::databaseCounters,
                BenchmarkDriver.sampler(build.port), 60, 20);
    }

    private void stop(Build build) {
        if (build.server != null && build.server.process.isAlive()) {
            try {
                build.server.stop();
                report.put("serverLogErrors" + build.label, build.server.countLines(" ERROR "));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Connection admin(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + HOST + ":3306/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true&" + BenchmarkDriver.MYSQL_OPTIONS, "root", "");
    }

    private Map<String, Long> databaseCounters() {
        return DatabaseCounters.readOrNone(() -> admin(""));
    }

    private long openTickets(Build build) throws SQLException {
        try (Connection c = admin(build.database); Statement s = c.createStatement()) {
            return BenchmarkDriver.one(s, "select count(*) from ticket where status <> 'closed'");
        }
    }

    /** Ticket rows and inquiry instances against the creates each build answered 201. */
    private Map<String, Object> rows(Build build) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Connection c = admin(build.database); Statement s = c.createStatement()) {
            long tickets = BenchmarkDriver.one(s, "select count(*) from ticket");
            long running = BenchmarkDriver.one(s, "select count(*) from ACT_RU_EXECUTION where PARENT_ID_ is null"
                    + " and PROC_DEF_ID_ like 'inquiry:%'");
            out.put("created201", build.created);
            out.put("ticketRows", tickets);
            out.put("runningInquiryInstances", running);
            out.put("ok", tickets == build.created && running == build.created);
        }
        System.out.println("  rows " + build + ": " + out);
        return out;
    }

    private static int ok(Map<String, Object> phase) {
        return ok(phase, "ok");
    }

    private static int ok(Map<String, Object> phase, String key) {
        return ((Number) phase.get(key)).intValue();
    }

    private void section(String title) {
        System.out.printf("%n== %s  [%.0f s]%n", title, (System.nanoTime() - started) / 1e9);
    }

    // ------------------------------------------------------------------------------------------------ report

    private void finish(String stamp) throws IOException {
        Map<String, Object> phases = new LinkedHashMap<>();
        for (String phase : windowsA.keySet()) {
            phases.put(phase, Comparison.of(windowsA.get(phase), windowsB.getOrDefault(phase, List.of())));
        }
        report.put("phases", phases);
        report.put("windowsA", windowsA);
        report.put("windowsB", windowsB);
        report.put("totalSeconds", (System.nanoTime() - started) / 1e9);
        Path json = o.results.resolve(stamp + ".json");
        Path md = o.results.resolve(stamp + ".md");
        Files.writeString(json, Json.write(report), StandardCharsets.UTF_8);
        Files.writeString(md, Comparison.markdown(report, o, json.getFileName().toString()), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(Files.readString(md));
        System.out.println("Results: " + json + ", " + md);
    }
}
