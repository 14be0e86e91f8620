package io.flowdesk.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Flowdesk benchmark (benchmark/README.md). Not a test: a program that starts the server JVM from the jar
 * (MySQL/MariaDB, then embedded H2), drives it over HTTP with closed-loop clients, reads CPU from /proc and
 * row counts over JDBC, and writes benchmark/results/&lt;timestamp&gt;.json and .md (and latest.md).
 *
 * <pre>java -cp … io.flowdesk.benchmark.BenchmarkDriver --quick|--full [--jar target/flowdesk-0.1.0-SNAPSHOT.jar]</pre>
 */
public final class BenchmarkDriver {

    static final String HOST = "127.0.0.1";
    static final String MYSQL_OPTIONS = "sendFractionalSeconds=false&nullDatabaseMeansCurrent=true"
            + "&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";

    /** Seeding is set-up, not measurement: fewer clients than the server's connection pool (20). */
    static final int SEED_CLIENTS = 16;

    private final Options o;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Workloads workloads = new Workloads(sequence);
    private final List<Map<String, Object>> rowChecks = new ArrayList<>();
    private final long started = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private ServerProcess server;
    /** The support mailbox the MySQL server polls (GreenMail), for the e-mail phase; null without it. */
    private BenchmarkMailbox mailbox;
    /** Where the running server's figures go (its log's errors are put there when it stops). */
    private Map<String, Object> serverStage;
    private long databasePid;
    private boolean mysql;
    /** Creates answered 201 since the database was made (or restored), to check against the rows. */
    private long created;

    /** Agents looking at their queues at once in the queue phase. */
    static final int QUEUE_CLIENTS = 8;
    static final String MYSQL_ADMIN_PASSWORD = "benchmark-administrator";

    private BenchmarkDriver(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        new BenchmarkDriver(o).run();
    }

    // ------------------------------------------------------------------------------------------------ options

    static final class Options {
        String mode = "quick";
        Path jar = Path.of("target/flowdesk-0.1.0-SNAPSHOT.jar");
        Path results = Path.of("benchmark/results");
        int port = 18080;
        String database = "flowdesk_bench";
        String mysqlAdminUrl = "jdbc:mysql://" + HOST + ":3306/";
        String mysqlUser = "root";
        String mysqlPassword = "";
        double warmup;
        /** The first timed phase after a server start runs on a cold JVM: its warm-up is longer (JIT). */
        double firstWarmup;
        /** How much longer a server's first warm-up may go on while its JIT compiler is busy (see Load). */
        double maxExtraWarmup;
        /** The same for the server's later phases. */
        double laterExtraWarmup;
        /** The H2 reference's first warm-up, with no more while the JIT compiles: its figures are for comparison. */
        double h2Warmup;
        double createSeconds;
        double completeSeconds;
        double h2Seconds;
        int seed = 1000;
        int completionTickets = 1000;
        int backlog;
        int engineCount;
        int engineThreads = 8;
        /** Rounds of create@64 then engine bound, back to back, for the ratio (the host's speed drifts). */
        int pairedRounds;
        double pairedSeconds;
        /** Starts before the measured ones: the bare copy's own code paths are compiled during them. */
        int engineWarmup;
        int burstClients = 500;
        int burstRounds = 3;
        boolean sla;
        /** issue 26: a create of each shipped ticket type against one of inquiry, at the end of the MySQL stage */
        boolean types;
        int slaTickets = 1000;
        /** sla-demo tickets whose breaches are awaited before the measured burst (0: none, the path cold). */
        int slaWarmupTickets = 200;
        int slaWaitSeconds = 180;
        /** The e-mail phase: mails delivered many at once (warm-up, then measured), then one at a time. */
        boolean mail = true;
        int mailWarmup;
        int mails;
        int mailTrickle;
        boolean h2 = true;
        boolean mysqlRun = true;
        Path dump;
        List<String> serverJvmOptions = new ArrayList<>();
        String revision = "unknown (pass --revision)";

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> list = new ArrayList<>(Arrays.asList(args));
            if (list.contains("--full") || list.contains("full")) {
                o.mode = "full";
            }
            boolean full = o.mode.equals("full");
            o.warmup = full ? 10 : 5;
            o.firstWarmup = full ? 45 : 5;
            o.maxExtraWarmup = full ? 60 : 0;
            o.laterExtraWarmup = full ? 20 : 0;
            o.h2Warmup = full ? 30 : 5;
            o.createSeconds = full ? 30 : 20;
            o.completeSeconds = full ? 40 : 15;
            o.h2Seconds = full ? 30 : 15;
            o.engineCount = full ? 10_000 : 2000;
            o.engineWarmup = full ? 5000 : 500;
            o.pairedRounds = full ? 5 : 3;
            o.pairedSeconds = full ? 10 : 8;
            o.backlog = full ? 100_000 : 0;
            o.sla = full;
            o.mailWarmup = full ? 300 : 100;
            o.mails = full ? 2000 : 300;
            o.mailTrickle = full ? 90 : 30;
            for (int i = 0; i < list.size(); i++) {
                String a = list.get(i);
                switch (a) {
                    case "--quick", "--full", "quick", "full" -> { }
                    case "--jar" -> o.jar = Path.of(list.get(++i));
                    case "--results" -> o.results = Path.of(list.get(++i));
                    case "--port" -> o.port = Integer.parseInt(list.get(++i));
                    case "--database" -> o.database = list.get(++i);
                    case "--warmup" -> o.warmup = Double.parseDouble(list.get(++i));
                    case "--first-warmup" -> o.firstWarmup = Double.parseDouble(list.get(++i));
                    case "--max-extra-warmup" -> o.maxExtraWarmup = Double.parseDouble(list.get(++i));
                    case "--later-extra-warmup" -> o.laterExtraWarmup = Double.parseDouble(list.get(++i));
                    case "--h2-warmup" -> o.h2Warmup = Double.parseDouble(list.get(++i));
                    case "--create-seconds" -> o.createSeconds = Double.parseDouble(list.get(++i));
                    case "--complete-seconds" -> o.completeSeconds = Double.parseDouble(list.get(++i));
                    case "--h2-seconds" -> o.h2Seconds = Double.parseDouble(list.get(++i));
                    case "--engine-count" -> o.engineCount = Integer.parseInt(list.get(++i));
                    case "--engine-warmup" -> o.engineWarmup = Integer.parseInt(list.get(++i));
                    case "--paired-rounds" -> o.pairedRounds = Integer.parseInt(list.get(++i));
                    case "--paired-seconds" -> o.pairedSeconds = Double.parseDouble(list.get(++i));
                    case "--backlog" -> o.backlog = Integer.parseInt(list.get(++i));
                    case "--seed" -> o.seed = Integer.parseInt(list.get(++i));
                    case "--completion-tickets" -> o.completionTickets = Integer.parseInt(list.get(++i));
                    case "--dump" -> o.dump = Path.of(list.get(++i));
                    case "--sla" -> o.sla = true;
                    case "--no-sla" -> o.sla = false;
                    case "--types" -> o.types = true;
                    case "--sla-tickets" -> o.slaTickets = Integer.parseInt(list.get(++i));
                    case "--sla-warmup-tickets" -> o.slaWarmupTickets = Integer.parseInt(list.get(++i));
                    case "--sla-wait-seconds" -> o.slaWaitSeconds = Integer.parseInt(list.get(++i));
                    case "--no-mail" -> o.mail = false;
                    case "--mails" -> o.mails = Integer.parseInt(list.get(++i));
                    case "--mail-warmup" -> o.mailWarmup = Integer.parseInt(list.get(++i));
                    case "--mail-trickle" -> o.mailTrickle = Integer.parseInt(list.get(++i));
                    case "--no-h2" -> o.h2 = false;
                    case "--no-mysql" -> o.mysqlRun = false;
                    case "--burst-clients" -> o.burstClients = Integer.parseInt(list.get(++i));
                    case "--server-jvm-option" -> o.serverJvmOptions.add(list.get(++i));
                    case "--revision" -> o.revision = list.get(++i);
                    default -> throw new IllegalArgumentException("unknown option " + a
                            + " (see benchmark/README.md)");
                }
            }
            if (o.dump == null) {
                o.dump = o.results.resolve(o.database + "_" + o.backlog + ".sql.gz");
            }
            return o;
        }

        Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mode", mode);
            out.put("revision", revision);
            out.put("jar", jar.toString());
            out.put("port", port);
            out.put("database", database);
            out.put("warmupSeconds", warmup);
            out.put("firstPhaseWarmupSeconds", firstWarmup);
            out.put("maxExtraWarmupSeconds", maxExtraWarmup);
            out.put("laterExtraWarmupSeconds", laterExtraWarmup);
            out.put("h2WarmupSeconds", h2Warmup);
            out.put("createSeconds", createSeconds);
            out.put("completeSeconds", completeSeconds);
            out.put("h2Seconds", h2Seconds);
            out.put("seedTickets", seed);
            out.put("completionTickets", completionTickets);
            out.put("backlog", backlog);
            out.put("engineBoundStarts", engineCount);
            out.put("engineBoundThreads", engineThreads);
            out.put("pairedRounds", pairedRounds);
            out.put("pairedSeconds", pairedSeconds);
            out.put("engineBoundWarmupStarts", engineWarmup);
            out.put("burst", burstClients + " clients x " + burstRounds);
            out.put("types", types ? "create at 8 clients per ticket type" : "not run");
            out.put("sla", sla ? slaTickets + " sla-demo tickets after " + slaWarmupTickets + " for warm-up"
                    : "not run");
            out.put("mail", mail ? mailWarmup + " + " + mails + " mails (warm-up + measured), " + MailPhase.CHUNK
                    + " at once at a time, then " + mailTrickle + " one every " + MailPhase.TRICKLE_INTERVAL_MILLIS
                    + " ms" : "not run");
            out.put("serverJvmOptions", serverJvmOptions);
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------------ run

    private void run() throws Exception {
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        Files.createDirectories(o.results);
        Path logs = o.results.resolve("logs");
        report.put("timestamp", Instant.now().toString());
        report.put("machine", machine());
        report.put("options", o.describe());
        System.out.println("Flowdesk benchmark, " + o.mode + " mode, " + report.get("timestamp"));
        System.out.println("  machine: " + report.get("machine"));
        databasePid = ProcStat.databasePid();
        // stopped with a signal (Ctrl-C, kill): stop the server we started and write what we have
        Thread hook = new Thread(() -> {
            report.putIfAbsent("aborted", "terminated by a signal");
            try {
                if (server != null && server.process.isAlive()) {
                    server.process.destroy();
                }
                finish(stamp);
            } catch (IOException | RuntimeException e) {
                System.out.println("could not write the report: " + e);
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (o.mysqlRun) {
                mysqlStage(logs.resolve(stamp + "-mysql.log"));
            }
            if (o.h2) {
                h2Stage(logs.resolve(stamp + "-h2.log"));
            }
        } catch (Exception e) {
            report.put("aborted", e.toString());
            System.out.println("ABORTED: " + e);
            e.printStackTrace(System.out);
        } finally {
            stopServer();
            if (mailbox != null) {
                mailbox.close();
            }
            finish(stamp);
        }
    }

    private void finish(String stamp) throws IOException {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        report.put("rowChecks", rowChecks);
        report.put("totalSeconds", (System.nanoTime() - started) / 1e9);
        Path json = o.results.resolve(stamp + ".json");
        Path md = o.results.resolve(stamp + ".md");
        Files.writeString(json, Json.write(report), StandardCharsets.UTF_8);
        Files.writeString(md, Report.markdown(report, json.getFileName().toString()), StandardCharsets.UTF_8);
        Files.copy(md, o.results.resolve("latest.md"), StandardCopyOption.REPLACE_EXISTING);
        System.out.println();
        System.out.println(Files.readString(md));
        System.out.println("Results: " + json + ", " + md + " (and latest.md)");
    }

    private Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", ProcStat.firstLineWith("/proc/cpuinfo", "model name"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memory", ProcStat.firstLineWith("/proc/meminfo", "MemTotal"));
        try {
            m.put("kernel", Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
        } catch (IOException e) {
            m.put("kernel", "?");
        }
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version()")) {
            rs.next();
            m.put("database", rs.getString(1));
        } catch (SQLException e) {
            m.put("database", "unreachable: " + e.getMessage());
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------ MySQL

    private void mysqlStage(Path log) throws Exception {
        section("MySQL/MariaDB (profiles mysql,benchmark), fresh database " + o.database);
        mysql = true;
        Map<String, Object> stage = new LinkedHashMap<>();
        report.put("mysql", stage);
        recreateDatabase();
        List<String> arguments = new ArrayList<>(mysqlArguments());
        if (o.mail) {
            mailbox = BenchmarkMailbox.start();
            arguments.addAll(mailbox.serverArguments());
            System.out.println("  support mailbox for the e-mail phase: " + mailbox);
        }
        startServer(arguments, log, stage);
        stage.put("footprintIdle", footprint("idle"));
        Load load = load();

        // 1. a backlog of about 1,000 open tickets, and task completion on it
        stage.put("seed1k", load.fixedCount("seed", SEED_CLIENTS, o.seed, 201, workloads.creates(null)));
        created += (Integer) ((Map<?, ?>) stage.get("seed1k")).get("ok");
        checkRows("after seeding " + o.seed);
        List<Workloads.TicketRef> tickets = openTickets(o.completionTickets, false);
        stage.put("openTicketsForCompletion", counts().get("openTickets"));
        stage.put("complete1k_8", load.closedLoop("complete@1k-8", 8, o.firstWarmup, o.completeSeconds, 204,
                Workloads.completions(tickets, 8)));
        stage.put("complete1k_64", load.closedLoop("complete@1k-64", 64, o.warmup, o.completeSeconds, 204,
                Workloads.completions(tickets, 64)));
        checkRows("after completion (1k)");
        stage.put("queue1k", queue(load, "queue@1k"));

        // 2. ticket create over HTTP at 1, 8, 64 clients, then the engine alone
        for (int clients : new int[] {1, 8, 64}) {
            Map<String, Object> phase = load.closedLoop("create-" + clients, clients, o.warmup, o.createSeconds, 201,
                    workloads.creates(null));
            created += (Integer) phase.get("okIncludingWarmup");
            stage.put("create_" + clients, phase);
            checkRows("after create with " + clients + " clients");
        }
        Map<String, Object> engine = engineBound();
        stage.put("engineBound", engine);
        stage.put("paired", pairedRounds(load.warm(), Load.num(engine.get("startsPerSecond"))));
        checkRows("after the paired rounds");

        // 3. the buyers' burst
        List<Map<String, Object>> bursts = new ArrayList<>();
        section("burst: " + o.burstClients + " clients released together, " + o.burstRounds + " times");
        for (int round = 1; round <= o.burstRounds; round++) {
            Map<String, Object> burst = load.burst("burst-" + round, o.burstClients, 201, workloads::oneCreate);
            created += (Integer) burst.get("ok");
            bursts.add(burst);
            Thread.sleep(2000);
        }
        stage.put("burst", bursts);
        checkRows("after the bursts");
        if (mailbox != null) {
            mailPhase(stage);
        }
        stage.put("footprintAfterLoad", footprint("after load"));

        // 4. full mode: a large backlog, completion on it, SLA timers falling due together
        if (o.backlog > 0) {
            backlogStage(stage, log);
        } else if (o.sla) {
            stage.put("sla", sla(load()));
        }
        if (o.types) {
            stage.put("types", createByType(o.backlog > 0 ? load() : load.warm()));
        }
        stopServer();
    }

    /** The shipped ticket types, inquiry first: the others are measured against it. */
    static final List<String> TICKET_TYPES = List.of("inquiry", "return-refund", "refund-request", "technical-fault",
            "complaint");

    /**
     * Creates of each shipped ticket type this build serves, 8 clients each, one type after the other on the same
     * server (inquiry first): issue 26 asks that a create of a new type cost no more than one of inquiry. Runs last,
     * as its tickets are not inquiries (the row checks count those).
     */
    private List<Map<String, Object>> createByType(Load load) throws Exception {
        section("create by ticket type: 8 clients each, " + o.createSeconds + " s measured");
        Set<String> served = new HashSet<>();
        for (Object type : Json.array(get("/api/ticket-types"))) {
            served.add(String.valueOf(((Map<?, ?>) type).get("key")));
        }
        List<Map<String, Object>> phases = new ArrayList<>();
        for (String type : TICKET_TYPES) {
            if (!served.contains(type)) {
                System.out.println("  " + type + ": not a ticket type of this build");
                continue;
            }
            Map<String, Object> phase = load.closedLoop("type-" + type, 8, o.warmup, o.createSeconds, 201,
                    workloads.createsOf(type));
            phase.put("ticketType", type);
            phases.add(phase);
        }
        return phases;
    }

    /** E-mail in (MailPhase): mails into the mailbox the server polls, taken in as tickets and customer messages. */
    private void mailPhase(Map<String, Object> stage) throws Exception {
        section("e-mail in: " + o.mailWarmup + " + " + o.mails + " mails (warm-up + measured), " + MailPhase.CHUNK
                + " at once at a time, then " + o.mailTrickle + " one at a time, into " + mailbox);
        long serverPid = server.pid;
        Map<String, Object> mail = new MailPhase(mailbox,
                () -> Load.Snapshot.take(serverPid, databasePid, this::databaseCounters), this::bench)
                .run(o.mailWarmup, o.mails, o.mailTrickle);
        stage.put("mail", mail);
        created += (Long) mail.get("ticketsOpened");
        checkRows("after the e-mail phase");
    }

    private void backlogStage(Map<String, Object> stage, Path log) throws Exception {
        section("backlog of " + o.backlog + " open tickets");
        Map<String, Object> backlog = new LinkedHashMap<>();
        stage.put("backlog", backlog);
        Path meta = Path.of(o.dump + ".json");
        long openNow = (Long) counts().get("openTickets");
        String reuse = dumpUsable(meta);
        if (openNow >= o.backlog) {
            // on a fast host the phases above made the backlog already: restoring a dump would only take longer
            System.out.printf("  %d open tickets already: the backlog is this database%n", openNow);
            backlog.put("madeBy", "the phases above (" + openNow + " open tickets)");
            stopServer();
        } else if (reuse == null) {
            stopServer();
            long t0 = System.nanoTime();
            recreateDatabase();
            shell("gunzip -c '" + o.dump + "' | mariadb --protocol=tcp -h " + HOST + " -u " + o.mysqlUser + " "
                    + o.database);
            backlog.put("restoredFrom", o.dump.toString());
            backlog.put("dumpMade", Json.object(Files.readString(meta)));
            backlog.put("restoreSeconds", (System.nanoTime() - t0) / 1e9);
            Map<String, Object> counts = jdbcCounts();
            created = (Long) counts.get("tickets");
            System.out.printf("  restored %s in %.0f s: %s%n", o.dump, backlog.get("restoreSeconds"), counts);
        } else {
            System.out.println("  no usable dump (" + reuse + "): seeding by creates over HTTP");
            int need = (int) (o.backlog - openNow);
            Map<String, Object> seed = load().fixedCount("seed-backlog", SEED_CLIENTS, need, 201, workloads.creates(null));
            created += (Integer) seed.get("ok");
            backlog.put("seeded", seed);
            checkRows("after seeding the backlog");
            long t0 = System.nanoTime();
            Map<String, Object> made = new LinkedHashMap<>();
            made.put("createdAt", Instant.now().toString());
            made.put("revision", o.revision);
            made.put("counts", jdbcCounts());
            made.put("earliestTimerDue", earliestTimerDue().toString());
            shell("mariadb-dump --protocol=tcp -h " + HOST + " -u " + o.mysqlUser
                    + " --single-transaction --quick " + o.database + " | gzip -1 > '" + o.dump + ".tmp' && mv '"
                    + o.dump + ".tmp' '" + o.dump + "'");
            Files.writeString(meta, Json.write(made), StandardCharsets.UTF_8);
            backlog.put("dumpedTo", o.dump.toString());
            backlog.put("dumpSeconds", (System.nanoTime() - t0) / 1e9);
            stopServer();
        }
        backlog.put("overdueTimersAtStart", overdueTimers());
        startServer(mysqlArguments(), log.resolveSibling(log.getFileName().toString().replace(".log", "-backlog.log")),
                backlog);
        backlog.put("counts", counts());
        backlog.put("footprintIdle", footprint("backlog, idle"));
        checkRows("backlog server started");
        Load load = load();
        List<Workloads.TicketRef> tickets = openTickets(o.completionTickets, true);
        backlog.put("complete_8", load.closedLoop("complete@backlog-8", 8, o.firstWarmup, o.completeSeconds, 204,
                Workloads.completions(tickets, 8)));
        backlog.put("complete_64", load.closedLoop("complete@backlog-64", 64, o.warmup, o.completeSeconds, 204,
                Workloads.completions(tickets, 64)));
        checkRows("after completion (backlog)");
        backlog.put("queue", queue(load, "queue@backlog"));
        if (o.sla) {
            backlog.put("sla", sla(load));
        }
        backlog.put("footprintAfterLoad", footprint("backlog, after load"));
    }

    /**
     * A stored backlog is reused only while none of its SLA timers has fallen due (else the restored server would
     * spend the run firing them): null if usable, else why not.
     */
    private String dumpUsable(Path meta) {
        if (!Files.exists(o.dump) || !Files.exists(meta)) {
            return "none at " + o.dump;
        }
        try {
            Instant due = Instant.parse((String) Json.object(Files.readString(meta)).get("earliestTimerDue"));
            if (due.isBefore(Instant.now().plus(java.time.Duration.ofHours(1)))) {
                return "its first SLA timer falls due at " + due + "; it is stale";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "unreadable " + meta + ": " + e;
        }
    }

    private Instant earliestTimerDue() throws SQLException {
        try (Connection c = bench(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select min(DUEDATE_) from ACT_RU_JOB where DUEDATE_ is not null")) {
            rs.next();
            Timestamp t = rs.getTimestamp(1);
            return t == null ? Instant.parse("2099-12-31T00:00:00Z") : t.toInstant();
        }
    }

    private long overdueTimers() throws SQLException {
        try (Connection c = bench();
             var s = c.prepareStatement("select count(*) from ACT_RU_JOB where DUEDATE_ <= ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The production profile wants an administrator password of its own; the clients work as the demo agents. */
    private List<String> mysqlArguments() {
        return List.of("--spring.profiles.active=mysql,benchmark", "--server.port=" + o.port,
                "--spring.datasource.url=jdbc:mysql://" + HOST + ":3306/" + o.database + "?" + MYSQL_OPTIONS,
                "--camunda.bpm.admin-user.password=" + MYSQL_ADMIN_PASSWORD, "--flowdesk.demo.enabled=true");
    }

    // ------------------------------------------------------------------------------------------------ H2

    private void h2Stage(Path log) throws Exception {
        section("embedded H2 (profile benchmark), fresh file database");
        mysql = false;
        created = 0;
        Map<String, Object> stage = new LinkedHashMap<>();
        report.put("h2", stage);
        Path dir = Files.createTempDirectory("flowdesk-bench-h2");
        try {
            String url = "jdbc:h2:file:" + dir.resolve("flowdesk") + ";DB_CLOSE_ON_EXIT=FALSE";
            startServer(List.of("--spring.profiles.active=benchmark", "--server.port=" + o.port,
                    "--spring.datasource.url=" + url), log, stage);
            stage.put("footprintIdle", footprint("idle"));
            Load load = load(0, 0);
            for (int clients : new int[] {8, 64}) {
                Map<String, Object> phase = load.closedLoop("h2-create-" + clients, clients,
                        clients == 8 ? o.h2Warmup : o.warmup, o.h2Seconds, 201,
                        workloads.creates(null));
                created += (Integer) phase.get("okIncludingWarmup");
                stage.put("create_" + clients, phase);
                checkRows("H2 after create with " + clients + " clients");
            }
            stage.put("footprintAfterLoad", footprint("after load"));
            stopServer();
        } finally {
            deleteTree(dir);
        }
    }

    // ------------------------------------------------------------------------------------------------ pieces

    private void startServer(List<String> arguments, Path log, Map<String, Object> into) throws Exception {
        server = ServerProcess.start(o.jar, o.serverJvmOptions, arguments, log, o.port);
        serverStage = into;
        System.out.printf("  server pid %d ready in %.1f s (log %s)%n", server.pid, server.readySeconds, log);
        into.put("startupSeconds", server.readySeconds);
        into.put("serverLog", log.toString());
        Map<String, Object> config = Json.object(get("/api/benchmark/config"));
        into.put("config", config);
        System.out.println("  configuration: " + Json.write(config).replaceAll("\\s+", " "));
        Departments.setUp("http://" + HOST + ":" + o.port, adminAuth(), Path.of("processes/routing.dmn"));
    }

    /** The administrator: the production profile's password of its own, the embedded default's demo one. */
    private String adminAuth() {
        return Http.basic("admin", mysql ? MYSQL_ADMIN_PASSWORD : "admin");
    }

    private void stopServer() throws InterruptedException {
        if (server != null && server.process.isAlive()) {
            server.stop();
            System.out.println("  server stopped");
        }
        logErrors();
    }

    private void logErrors() {
        if (server != null && serverStage != null && !serverStage.containsKey("serverLogErrorCount")) {
            serverStage.put("serverLogErrors", server.errorLines(40));
            serverStage.put("serverLogErrorCount", server.countLines(" ERROR "));
        }
    }

    private Load load() {
        return load(o.maxExtraWarmup, o.laterExtraWarmup);
    }

    private Load load(double firstExtraWarmup, double laterExtraWarmup) {
        return new Load(HOST, o.port, () -> server.pid, databasePid, mysql ? this::databaseCounters : Map::of,
                sampler(o.port), firstExtraWarmup, laterExtraWarmup);
    }

    /** The server's own pool and thread sampler (profile benchmark), started and stopped around each window. */
    static Load.Sampler sampler(int port) {
        return new Load.Sampler() {
            @Override
            public void start() {
                try {
                    post(port, "/api/benchmark/sampler/start");
                } catch (IOException e) {
                    System.out.println("    sampler start failed: " + e);
                }
            }

            @Override
            public Map<String, Object> stop() {
                try {
                    return Json.object(post(port, "/api/benchmark/sampler/stop"));
                } catch (IOException | RuntimeException e) {
                    return Map.of("error", e.toString());
                }
            }
        };
    }

    private Map<String, Object> footprint(String label) {
        Map<String, Object> f = server.footprint();
        System.out.printf("  footprint (%s): heap after GC %.0f MB, RSS %.0f MB%n", label,
                Load.num(f.get("heapAfterGcMb")), Load.num(f.get("rssMb")));
        return f;
    }

    /**
     * The ratio create / engine bound from rounds of the two back to back (create at 64 clients for
     * {@code pairedSeconds}, then as many engine-bound starts as take about as long), so that both halves of each
     * round run on the same machine speed: measured minutes apart, the two phases' ratio moved between 47 % and
     * 79 % for the same code on 2026-12-02, as other guests came and went on the host. Each half's CPU per
     * operation (JVM + MariaDB, from /proc) is kept too: the engine bound's CPU per start over the create's CPU per
     * create is what the rate ratio comes to when both halves keep the cores busy, and it shows where the gap is.
     */
    private Map<String, Object> pairedRounds(Load load, double engineRate) throws Exception {
        section("paired rounds: " + o.pairedRounds + " x (create at 64 clients for " + o.pairedSeconds
                + " s, then the engine bound for about as long)");
        List<Map<String, Object>> rounds = new ArrayList<>();
        Half creates = new Half();
        Half starts = new Half();
        double rate = engineRate;
        for (int round = 1; round <= o.pairedRounds; round++) {
            Map<String, Object> create = load.closedLoop("paired-" + round + "-create-64", 64, 2, o.pairedSeconds,
                    201, workloads.creates(null));
            created += (Integer) create.get("okIncludingWarmup");
            int count = (int) Math.max(200, Math.round(rate * o.pairedSeconds));
            Map<String, Object> engine = engineBound(count, 0);
            Half createHalf = Half.of(create.get("ok"), create.get("measuredSeconds"), create.get("cpu"));
            Half startHalf = Half.of(engine.get("ok"), engine.get("seconds"), engine.get("cpuIncludingWarmup"));
            creates.add(createHalf);
            starts.add(startHalf);
            rate = startHalf.perSecond();
            Double ratio = Half.ratio(createHalf.perSecond(), rate);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("round", round);
            r.put("createPerSecond", createHalf.perSecond());
            r.put("createErrors", create.get("errors"));
            r.put("enginePerSecond", rate);
            r.put("engineErrors", engine.get("errors"));
            r.put("ratio", ratio);
            r.put("machineComputeProbeMs", create.get("machineProbeMs"));
            r.put("createCpuMs", createHalf.cpuPerOperation());
            r.put("engineCpuMs", startHalf.cpuPerOperation());
            rounds.add(r);
            System.out.printf("    round %d: create %.1f/s, engine bound %.1f/s -> %.0f %%%n", round,
                    createHalf.perSecond(), rate, ratio == null ? 0 : 100 * ratio);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rounds", rounds);
        Double ratio = Half.ratio(creates.perSecond(), starts.perSecond());
        Double cpuRatio = Half.ratio(starts.cpuMs(), creates.cpuMs());
        out.put("createPerSecond", creates.perSecond());
        out.put("enginePerSecond", starts.perSecond());
        out.put("ratio", ratio);
        out.put("createCpuMs", creates.cpuPerOperation());
        out.put("engineCpuMs", starts.cpuPerOperation());
        out.put("cpuRatio", cpuRatio);
        System.out.printf("    -> paired: create %.1f/s, engine bound %.1f/s, ratio %.0f %%; CPU per operation"
                        + " (JVM + MariaDB): create %.2f ms, engine-bound start %.2f ms, engine / create %.0f %%%n",
                creates.perSecond(), starts.perSecond(), ratio == null ? 0 : 100 * ratio, creates.cpuMs(),
                starts.cpuMs(), cpuRatio == null ? 0 : 100 * cpuRatio);
        return out;
    }

    private Map<String, Object> engineBound() throws IOException {
        return engineBound(o.engineCount, o.engineWarmup);
    }

    private Map<String, Object> engineBound(int count, int warmup) throws IOException {
        section("engine bound: " + warmup + " + " + count + " starts of the bare inquiry copy on "
                + o.engineThreads + " threads (warm-up + measured)");
        Load.Snapshot a = Load.Snapshot.take(server.pid, databasePid);
        String body;
        try (Http http = new Http(HOST, o.port, (int) TimeUnit.MINUTES.toMillis(30))) {
            int status = http.send("POST", "/api/benchmark/engine-bound?count=" + count + "&threads="
                    + o.engineThreads + "&warmup=" + warmup, adminAuth(), null, true); // it deploys the bare model
            body = http.body();
            if (status != 200) {
                throw new IOException("engine-bound: HTTP " + status + " " + body);
            }
        }
        Load.Snapshot b = Load.Snapshot.take(server.pid, databasePid);
        Map<String, Object> out = Json.object(body);
        out.put("cpuIncludingWarmup", Load.Snapshot.between(a, b, count + warmup, 0));
        System.out.printf("    -> %.1f starts/s, p50 %.1f ms, p99 %.1f ms, errors %s%n",
                Load.num(out.get("startsPerSecond")), Load.num(((Map<?, ?>) out.get("latencyMs")).get("p50")),
                Load.num(((Map<?, ?>) out.get("latencyMs")).get("p99")), out.get("errors"));
        return out;
    }

    /** Open tickets for the completion clients: all of the first N, or N spread over the whole backlog. */
    private List<Workloads.TicketRef> openTickets(int n, boolean spread) throws IOException {
        return openTickets(this::get, n, spread);
    }

    /** A GET answered 200, its body (as someone who sees every ticket). */
    interface Reader {
        String get(String path) throws IOException;
    }

    static List<Workloads.TicketRef> openTickets(Reader reader, int n, boolean spread) throws IOException {
        List<Workloads.TicketRef> out = new ArrayList<>();
        Map<String, Object> first = Json.object(reader.get("/api/tickets?status=new&size=100&page=0&sort=createdAt,asc"));
        long totalPages = ((Number) first.get("totalPages")).longValue();
        int pagesNeeded = (n + 99) / 100;
        for (int i = 0; i < pagesNeeded && i < totalPages; i++) {
            long page = spread && pagesNeeded > 1 ? i * (totalPages - 1) / (pagesNeeded - 1) : i;
            Map<String, Object> p = page == 0 ? first
                    : Json.object(reader.get("/api/tickets?status=new&size=100&page=" + page + "&sort=createdAt,asc"));
            for (Object item : (List<?>) p.get("items")) {
                Map<?, ?> t = (Map<?, ?>) item;
                // each ticket once: two clients on one ticket would race for its task
                if (out.size() < n && out.stream().noneMatch(ref -> ref.number().equals(t.get("number")))) {
                    out.add(new Workloads.TicketRef((String) t.get("number"), (String) t.get("group")));
                }
            }
        }
        System.out.printf("  %d open tickets picked for the completion clients (of %d pages of 100)%n", out.size(),
                totalPages);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ queues

    /**
     * Agents of the twenty departments looking at their queues ({@link Queues}) at {@value #QUEUE_CLIENTS} clients,
     * for as long as a completion phase.
     */
    private Map<String, Object> queue(Load load, String name) throws IOException, InterruptedException {
        return load.closedLoop(name, QUEUE_CLIENTS, o.warmup, o.completeSeconds, 200,
                Queues.looks(queueFilterId(this::get), QUEUE_CLIENTS));
    }

    /** The id of Tasklist's shared filter 我组的工单 (My department's queue). */
    static String queueFilterId(Reader reader) throws IOException {
        for (Object f : Json.array(reader.get("/engine-rest/filter"))) {
            Map<?, ?> filter = (Map<?, ?>) f;
            if (filter.get("name").toString().startsWith("我组的工单")) {
                return (String) filter.get("id");
            }
        }
        throw new IOException("Tasklist's filter 我组的工单 is missing");
    }

    // ------------------------------------------------------------------------------------------------ SLA

    /**
     * 1,000 tickets in the category sla-demo (first response due in 1 minute, around the clock) created in a burst;
     * their first-response timers (ACT_RU_JOB) fall due within seconds of each other. The lag of each is the
     * SLA_BREACHED (SLA_WARNING) timeline entry's time minus the timer's due date.
     */
    private Map<String, Object> sla(Load load) throws Exception {
        section("SLA timers: " + o.slaTickets + " sla-demo tickets falling due together");
        Map<String, Object> out = new LinkedHashMap<>();
        if (o.slaWarmupTickets > 0) {
            // Every other phase is measured after a warm-up; so is this one. Right after the backlog server's start
            // the escalation path (timer jobs, SLA clocks, escalation routing) has never run and is interpreted
            // until the JIT compiler gets to it: a cold first burst (reported apart, as "warmup").
            System.out.printf("  warm-up: %d sla-demo tickets first, their breaches awaited (lags reported apart)%n",
                    o.slaWarmupTickets);
            out.put("warmup", slaRound(load, "sla-demo warm-up", o.slaWarmupTickets));
        }
        out.putAll(slaRound(load, "sla-demo burst", o.slaTickets));
        checkRows("after the SLA burst");
        return out;
    }

    /** One burst of sla-demo tickets, and the lag of their first-response timers (see {@link #sla}). */
    private Map<String, Object> slaRound(Load load, String name, int tickets) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        long maxIdBefore;
        try (Connection c = bench(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from ticket")) {
            rs.next();
            maxIdBefore = rs.getLong(1);
        }
        Map<String, Object> burst = load.fixedCount(name, SEED_CLIENTS, tickets, 201, workloads.creates("sla-demo"));
        created += (Integer) burst.get("ok");
        out.put("create", burst);
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        Map<Long, Instant> breachDue = new HashMap<>();
        Map<Long, Instant> warningDue = new HashMap<>();
        // two steps, each on an index (a join of ticket with ACT_RU_JOB scans the jobs of the whole backlog)
        Map<String, Long> ticketOfInstance = new HashMap<>();
        try (Connection c = bench(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, process_instance_id from ticket where id > " + maxIdBefore
                     + " and category = 'sla-demo'")) {
            while (rs.next()) {
                ticketOfInstance.put(rs.getString(2), rs.getLong(1));
            }
        }
        List<String> instances = new ArrayList<>(ticketOfInstance.keySet());
        try (Connection c = bench()) {
            for (int from = 0; from < instances.size(); from += 200) {
                List<String> chunk = instances.subList(from, Math.min(instances.size(), from + 200));
                String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (var ps = c.prepareStatement("select j.PROCESS_INSTANCE_ID_, d.ACT_ID_, j.DUEDATE_ from ACT_RU_JOB j"
                        + " join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ where j.PROCESS_INSTANCE_ID_ in (" + in + ")"
                        + " and d.ACT_ID_ in ('firstResponseDue', 'firstResponseWarningDue')")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            // the engine writes its DATETIMEs in the JVM's zone (same machine, same default as ours)
                            Instant due = rs.getTimestamp(3).toInstant();
                            Long ticket = ticketOfInstance.get(rs.getString(1));
                            (rs.getString(2).equals("firstResponseDue") ? breachDue : warningDue).put(ticket, due);
                        }
                    }
                }
            }
        }
        out.put("timersFound", Map.of("firstResponseDue", breachDue.size(), "firstResponseWarningDue",
                warningDue.size()));
        Instant lastDue = breachDue.values().stream().max(Instant::compareTo).orElse(Instant.now());
        Instant giveUp = lastDue.plusSeconds(o.slaWaitSeconds);
        System.out.printf("  %d breach timers, last due %s; waiting for the SLA_BREACHED entries…%n", breachDue.size(),
                lastDue);
        Map<Long, Instant> breached = new HashMap<>();
        Map<Long, Instant> warned = new HashMap<>();
        long lastPrint = System.nanoTime();
        while (true) {
            Thread.sleep(2000);
            breached.clear();
            warned.clear();
            try (Connection c = bench(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select e.ticket_id, e.event_type, min(e.occurred_at) from ticket_event e"
                         + " where e.ticket_id > " + maxIdBefore
                         + " and e.event_type in ('SLA_BREACHED', 'SLA_WARNING') group by e.ticket_id, e.event_type")) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(3, utc); // our timestamps are stored in UTC
                    (rs.getString(2).equals("SLA_BREACHED") ? breached : warned).put(rs.getLong(1), at.toInstant());
                }
            }
            if (breached.keySet().containsAll(breachDue.keySet()) || Instant.now().isAfter(giveUp)) {
                break;
            }
            if (System.nanoTime() - lastPrint > 30e9) {
                lastPrint = System.nanoTime();
                System.out.printf("    … %d of %d breaches recorded%n", breached.size(), breachDue.size());
            }
        }
        out.put("breach", lag(breachDue, breached));
        out.put("warning", lag(warningDue, warned));
        out.put("note", "due dates (ACT_RU_JOB.DUEDATE_) and timeline times (ticket_event.occurred_at) are whole"
                + " seconds on MySQL (sendFractionalSeconds=false): lags are ±1 s");
        System.out.println("    -> breach lag " + out.get("breach") + "; warning lag " + out.get("warning"));
        return out;
    }

    private static Map<String, Object> lag(Map<Long, Instant> due, Map<Long, Instant> happened) {
        Latencies lags = new Latencies();
        int missing = 0;
        long negative = 0;
        for (Map.Entry<Long, Instant> e : due.entrySet()) {
            Instant at = happened.get(e.getKey());
            if (at == null) {
                missing++;
            } else {
                long nanos = (at.toEpochMilli() - e.getValue().toEpochMilli()) * 1_000_000L;
                if (nanos < 0) {
                    negative++;
                    nanos = 0;
                }
                lags.add(nanos);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timers", due.size());
        out.put("fired", due.size() - missing);
        out.put("missing", missing);
        out.put("earlyBySubSecondRounding", negative);
        Map<String, Object> s = lags.summary();
        out.put("p50Seconds", s.get("p50Ms") == null ? null : Load.num(s.get("p50Ms")) / 1000);
        out.put("p99Seconds", s.get("p99Ms") == null ? null : Load.num(s.get("p99Ms")) / 1000);
        out.put("maxSeconds", s.get("maxMs") == null ? null : Load.num(s.get("maxMs")) / 1000);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ rows

    /** Ticket rows and process instances against the creates answered 201. */
    private void checkRows(String label) {
        try {
            Map<String, Object> counts = counts();
            long tickets = ((Number) counts.get("tickets")).longValue();
            long running = ((Number) counts.get("runningInquiryInstances")).longValue();
            long historic = ((Number) counts.get("historicInquiryInstances")).longValue();
            long expected = created;
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("stage", mysql ? "mysql" : "h2");
            check.put("after", label);
            check.put("created201", expected);
            check.put("ticketRows", tickets);
            check.put("runningInquiryInstances", running);
            check.put("historicInquiryInstances", historic);
            check.put("openTickets", counts.get("openTickets"));
            boolean ok = tickets == expected && running == expected && historic == expected;
            check.put("ok", ok);
            rowChecks.add(check);
            System.out.printf("  rows %s: 201s %d, ticket rows %d, running instances %d, historic %d -> %s%n", label,
                    expected, tickets, running, historic, ok ? "OK" : "MISMATCH");
        } catch (IOException | SQLException | RuntimeException e) {
            System.out.println("  rows " + label + ": check failed: " + e);
            rowChecks.add(Map.of("after", label, "error", e.toString()));
        }
    }

    /** Counts over JDBC on MySQL, through the server (same SQL, the server's own connection) on H2. */
    private Map<String, Object> counts() throws IOException, SQLException {
        return mysql ? jdbcCounts() : Json.object(get("/api/benchmark/counts"));
    }

    private Map<String, Object> jdbcCounts() throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Connection c = bench(); Statement s = c.createStatement()) {
            out.put("tickets", one(s, "select count(*) from ticket"));
            out.put("openTickets", one(s, "select count(*) from ticket where status <> 'closed'"));
            out.put("runningInquiryInstances", one(s, "select count(*) from ACT_RU_EXECUTION where PARENT_ID_ is null"
                    + " and PROC_DEF_ID_ like 'inquiry:%'"));
            out.put("historicInquiryInstances", one(s, "select count(*) from ACT_HI_PROCINST"
                    + " where PROC_DEF_KEY_ = 'inquiry'"));
        }
        return out;
    }

    static long one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(o.mysqlAdminUrl + "?useSSL=false&allowPublicKeyRetrieval=true",
                o.mysqlUser, o.mysqlPassword);
    }

    /** MariaDB's statement and page counters ({@link DatabaseCounters}); empty if they cannot be read. */
    private Map<String, Long> databaseCounters() {
        return DatabaseCounters.readOrNone(this::admin);
    }

    private Connection bench() throws SQLException {
        return DriverManager.getConnection(o.mysqlAdminUrl + o.database + "?" + MYSQL_OPTIONS, o.mysqlUser,
                o.mysqlPassword);
    }

    private void recreateDatabase() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + o.database);
            s.execute("create database " + o.database + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        created = 0;
        System.out.println("  database " + o.database + " dropped and created (utf8mb4)");
    }

    // ------------------------------------------------------------------------------------------------ util

    /** As the administrator, who sees every ticket. */
    private String get(String path) throws IOException {
        return get(o.port, adminAuth(), path);
    }

    private String post(String path) throws IOException {
        return post(o.port, path);
    }

    static String get(int port, String auth, String path) throws IOException {
        try (Http http = new Http(HOST, port, 600_000)) {
            int status = http.send("GET", path, auth, null, true);
            if (status != 200) {
                throw new IOException("GET " + path + ": HTTP " + status + " " + Load.abbreviate(http.body()));
            }
            return http.body();
        }
    }

    /** A POST of the benchmark profile's own endpoints (as alice), answered 200. */
    static String post(int port, String path) throws IOException {
        try (Http http = new Http(HOST, port, 600_000)) {
            int status = http.send("POST", path, Workloads.ALICE, new byte[0], true);
            if (status != 200) {
                throw new IOException("POST " + path + ": HTTP " + status + " " + Load.abbreviate(http.body()));
            }
            return http.body();
        }
    }

    private static void shell(String command) throws IOException, InterruptedException {
        System.out.println("  $ " + command);
        Process p = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("failed (" + p.exitValue() + "): " + command);
        }
    }

    private void section(String title) {
        System.out.printf("%n== %s  [%.0f s]%n", title, (System.nanoTime() - started) / 1e9);
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp dir
        }
    }

    /**
     * One half of the paired rounds (creates or engine-bound starts), one round's or summed over rounds: operations
     * answered, the seconds they were measured over, and the JVM's and MariaDB's CPU seconds meanwhile.
     */
    private static final class Half {
        private double operations;
        private double seconds;
        private double server;
        private double database;

        static Half of(Object ok, Object seconds, Object cpu) {
            Map<?, ?> c = (Map<?, ?>) cpu;
            Half half = new Half();
            half.operations = Load.num(ok);
            half.seconds = Load.num(seconds);
            half.server = Load.num(c.get("serverCpuSeconds"));
            half.database = Load.num(c.get("databaseCpuSeconds"));
            return half;
        }

        void add(Half other) {
            operations += other.operations;
            seconds += other.seconds;
            server += other.server;
            database += other.database;
        }

        double perSecond() {
            return seconds > 0 ? operations / seconds : 0;
        }

        /** JVM + MariaDB CPU ms per operation (0 when none was answered). */
        double cpuMs() {
            return operations > 0 ? (server + database) * 1000 / operations : 0;
        }

        Map<String, Object> cpuPerOperation() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("jvm", operations > 0 ? server * 1000 / operations : null);
            out.put("mariadb", operations > 0 ? database * 1000 / operations : null);
            out.put("total", operations > 0 ? cpuMs() : null);
            return out;
        }

        static Double ratio(double numerator, double denominator) {
            return denominator > 0 ? numerator / denominator : null;
        }
    }
}
