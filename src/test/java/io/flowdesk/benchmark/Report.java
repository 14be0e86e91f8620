package io.flowdesk.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The Markdown side of a run: every figure with its target, then the detail per phase and the configuration. */
final class Report {

    private Report() {
    }

    static final String MET = "met";
    static final String MISSED = "**missed**";
    static final String NONE = "not measured";

    static String markdown(Map<String, Object> r, String jsonName) {
        StringBuilder md = new StringBuilder();
        Map<?, ?> machine = map(r.get("machine"));
        Map<?, ?> options = map(r.get("options"));
        md.append("# Flowdesk benchmark, ").append(options.get("mode")).append(" mode, ").append(r.get("timestamp"))
                .append("\n\n");
        md.append("Machine: ").append(machine.get("cpu")).append(", ").append(machine.get("cores")).append(" cores, ")
                .append(machine.get("memory")).append(", Linux ").append(machine.get("kernel")).append("; ")
                .append(machine.get("java")).append("; database ").append(machine.get("database"))
                .append(". The driver, the server JVM and MariaDB share these cores.  \n");
        md.append("Code measured: ").append(options.get("revision")).append(".  \n");
        md.append("Run took ").append(f0(r.get("totalSeconds"))).append(" s (driver only, without the build). Raw figures: `")
                .append(jsonName).append("`.\n\n");
        if (r.get("aborted") != null) {
            md.append("**The run was aborted:** `").append(r.get("aborted")).append("`\n\n");
        }

        Map<?, ?> my = map(r.get("mysql"));
        Map<?, ?> backlog = map(my.get("backlog"));
        Map<?, ?> h2 = map(r.get("h2"));

        probeRange(md, List.of(my, backlog, h2), "machineProbeMs", "compute probe (CPU ms for a fixed computation)",
                " ms");
        probeRange(md, List.of(my, backlog, h2), "machineLoopbackProbeUs",
                "loopback probe (CPU µs per loopback TCP round trip)", " µs");
        md.append('\n');

        md.append("## Figures and targets (MySQL/MariaDB unless marked H2)\n\n");
        md.append("| Figure | Measured | Target | |\n|---|---|---|---|\n");
        row(md, "Start-up to ready (fresh database)", sec(my.get("startupSeconds")), "≤ 15 s",
                verdict(my.get("startupSeconds"), 15, true));
        if (!backlog.isEmpty()) {
            row(md, "Start-up to ready (" + options.get("backlog") + " open tickets)", sec(backlog.get("startupSeconds")),
                    "≤ 15 s", verdict(backlog.get("startupSeconds"), 15, true));
        }
        for (String c : List.of("1", "8", "64")) {
            Map<?, ?> p = map(my.get("create_" + c));
            String target = c.equals("64") ? "≥ 250/s" : "";
            row(md, "Create `POST /api/tickets`, " + c + " client" + (c.equals("1") ? "" : "s"), rateAndLatency(p, "tickets"),
                    target, c.equals("64") ? verdict(p.get("perSecond"), 250, false) : "");
        }
        Map<?, ?> engine = map(my.get("engineBound"));
        row(md, "Engine bound: bare inquiry copy started in-process, " + options.get("engineBoundThreads") + " threads",
                engine.isEmpty() ? NONE : f1(engine.get("startsPerSecond")) + " starts/s (p50 "
                        + f1(map(engine.get("latencyMs")).get("p50")) + " ms, p99 " + f1(map(engine.get("latencyMs")).get("p99"))
                        + " ms, errors " + engine.get("errors") + ")", "", "");
        Map<?, ?> c64 = map(my.get("create_64"));
        Map<?, ?> c8 = map(my.get("create_8"));
        Map<?, ?> paired = map(my.get("paired"));
        Double pairedRatio = paired.get("ratio") instanceof Number n ? n.doubleValue() : null;
        List<?> rounds = paired.get("rounds") instanceof List<?> l ? l : List.of();
        String each = rounds.stream().map(one -> map(one).get("ratio") instanceof Number n ? f0(n.doubleValue() * 100)
                : NONE).collect(Collectors.joining(", "));
        row(md, "Create at 64 clients / engine bound, paired: " + rounds.size() + " rounds of " + options.get("pairedSeconds")
                        + " s creates then about as long of engine-bound starts",
                pairedRatio == null ? NONE : "**" + f0(pairedRatio * 100) + " %** (create " + f1(paired.get("createPerSecond"))
                        + "/s, engine bound " + f1(paired.get("enginePerSecond")) + "/s; rounds " + each + " %)",
                "≥ 70 %", pairedRatio == null ? NONE : pairedRatio >= 0.70 ? MET : MISSED);
        Map<?, ?> createCpu = map(paired.get("createCpuMs"));
        Map<?, ?> engineCpu = map(paired.get("engineCpuMs"));
        if (dbl(createCpu.get("total")) != null && dbl(engineCpu.get("total")) != null) {
            row(md, "(for reference) CPU per operation in the paired rounds, JVM + MariaDB: create; engine-bound start;"
                            + " engine-bound start / create",
                    f2(createCpu.get("jvm")) + " + " + f2(createCpu.get("mariadb")) + " = " + f2(createCpu.get("total"))
                            + " ms; " + f2(engineCpu.get("jvm")) + " + " + f2(engineCpu.get("mariadb")) + " = "
                            + f2(engineCpu.get("total")) + " ms; " + f0(Load.num(paired.get("cpuRatio")) * 100) + " %",
                    "", "");
        }
        Double ratio = ratio(c64.get("perSecond"), engine.get("startsPerSecond"));
        row(md, "(for reference) create at 64 clients / engine bound, the two phases above (minutes apart)",
                ratio == null ? NONE : f0(ratio * 100) + " %", "", "");
        Double ratio8 = ratio(c8.get("perSecond"), engine.get("startsPerSecond"));
        row(md, "(for reference) create at 8 clients / engine bound", ratio8 == null ? NONE : f0(ratio8 * 100) + " %", "", "");
        for (Map<?, ?> p : List.of(c64, c8)) {
            if (p.isEmpty()) {
                continue;
            }
            Map<?, ?> cpu = map(p.get("cpu"));
            Double perCreate = dbl(cpu.get("serverPlusDatabaseCpuMsPerUnit"));
            boolean main = p == c64;
            row(md, (main ? "" : "(for reference) ") + "CPU per create at " + p.get("clients")
                            + " clients: JVM + MariaDB (= CPU s per 1,000 creates)",
                    perCreate == null ? NONE + " (no create answered 201 in the window)"
                            : f2(cpu.get("serverCpuMsPerUnit")) + " + " + f2(cpu.get("databaseCpuMsPerUnit")) + " = "
                            + f2(perCreate) + " ms", main ? "≤ 7 ms" : "", main ? verdict(perCreate, 7, true) : "");
            Double driver = dbl(cpu.get("driverCpuMsPerHttpRequest"));
            row(md, (main ? "" : "(for reference) ") + "Driver CPU per request (" + p.get("clients") + "-client create run)",
                    driver == null ? NONE : f3(driver) + " ms", main ? "≤ 1 ms" : "", main ? verdict(driver, 1, true) : "");
        }
        List<?> bursts = list(my.get("burst"));
        for (Object o : bursts) {
            Map<?, ?> b = map(o);
            boolean ok = num(b.get("errors")) == 0 && num(b.get("maxMsAllClients")) <= 2000;
            row(md, "Burst " + b.get("name").toString().replace("burst-", "#") + ": " + b.get("clients")
                            + " creates released together",
                    "errors " + b.get("errors") + ", p99 " + f0(map(b.get("latency")).get("p99Ms")) + " ms, max "
                            + f0(b.get("maxMsAllClients")) + " ms (last answer after " + f1(b.get("secondsToLastResponse"))
                            + " s)",
                    "0 errors, max ≤ 2 s", ok ? MET : MISSED);
        }
        Map<?, ?> mail = map(my.get("mail"));
        if (!my.isEmpty()) {
            MailReport.rows(md, mail);
        }
        Map<?, ?> k8 = map(my.get("complete1k_8"));
        Map<?, ?> k64 = map(my.get("complete1k_64"));
        String open1k = my.get("openTicketsForCompletion") == null ? "" : " (" + my.get("openTicketsForCompletion") + " open tickets)";
        row(md, "Task completion, 8 clients" + open1k, rateAndLatency(k8, "completions"), "≥ 150/s",
                verdict(k8.get("perSecond"), 150, false));
        row(md, "Task completion, 64 clients" + open1k, rateAndLatency(k64, "completions"), "", "");
        if (!backlog.isEmpty()) {
            Map<?, ?> b8 = map(backlog.get("complete_8"));
            Map<?, ?> b64 = map(backlog.get("complete_64"));
            Double r8 = ratio(b8.get("perSecond"), k8.get("perSecond"));
            Double r64 = ratio(b64.get("perSecond"), k64.get("perSecond"));
            String open = " (" + map(backlog.get("counts")).get("openTickets") + " open tickets)";
            row(md, "Task completion, 8 clients" + open, rateAndLatency(b8, "completions")
                    + (r8 == null ? "" : "; " + f0(r8 * 100) + " % of the small backlog"), "within 20 % of the small backlog",
                    r8 == null ? NONE : r8 >= 0.8 ? MET : MISSED);
            row(md, "Task completion, 64 clients" + open, rateAndLatency(b64, "completions")
                    + (r64 == null ? "" : "; " + f0(r64 * 100) + " % of the small backlog"), "within 20 % of the small backlog",
                    r64 == null ? NONE : r64 >= 0.8 ? MET : MISSED);
        } else {
            row(md, "Task completion with 100,000 open tickets", NONE + " (full mode only)", "within 20 % of 1k", NONE);
        }
        queueRows(md, my.get("openTicketsForCompletion") + " open tickets", map(my.get("queue1k")), false);
        if (!backlog.isEmpty()) {
            queueRows(md, map(backlog.get("counts")).get("openTickets") + " open tickets", map(backlog.get("queue")), true);
        } else {
            row(md, "Queues with 100,000 open tickets over 20 departments", NONE + " (full mode only)",
                    "p95 ≤ 100 ms", NONE);
        }
        if (!backlog.isEmpty()) {
            String how = howTheBacklogWasMade(backlog);
            row(md, "Backlog of " + options.get("backlog") + " open tickets: how it was made", how + "; "
                    + backlog.get("overdueTimersAtStart") + " timers overdue at start; counts " + backlog.get("counts"), "", "");
        }
        Map<?, ?> sla = map(backlog.isEmpty() ? my.get("sla") : backlog.get("sla"));
        if (!sla.isEmpty()) {
            Map<?, ?> breach = map(sla.get("breach"));
            Map<?, ?> warning = map(sla.get("warning"));
            Map<?, ?> warm = map(map(sla.get("warmup")).get("breach"));
            if (!warm.isEmpty()) {
                row(md, "(for reference) SLA warm-up before it: " + warm.get("timers") + " breaches due together on the"
                                + " backlog server's cold escalation path",
                        "p50 " + f1(warm.get("p50Seconds")) + " s, p99 " + f1(warm.get("p99Seconds")) + " s, max "
                                + f1(warm.get("maxSeconds")) + " s; " + warm.get("missing") + " not fired", "", "");
            }
            row(md, "SLA first-response breach: due → SLA_BREACHED, " + breach.get("timers") + " timers",
                    "p50 " + f1(breach.get("p50Seconds")) + " s, p99 " + f1(breach.get("p99Seconds")) + " s, max "
                            + f1(breach.get("maxSeconds")) + " s; " + breach.get("missing") + " not fired",
                    "p99 ≤ 5 s", num(breach.get("missing")) == 0 ? verdict(breach.get("p99Seconds"), 5, true) : MISSED);
            row(md, "SLA first-response warning: due → SLA_WARNING", warning.get("fired") + " of " + warning.get("timers")
                    + " recorded" + (num(warning.get("fired")) > 0 ? ", p50 " + f1(warning.get("p50Seconds")) + " s, p99 "
                    + f1(warning.get("p99Seconds")) + " s" : "") + " (for sla-demo the warning falls in the same minute as "
                    + "the breach, and no warning is recorded after a breach)", "", "");
        } else {
            row(md, "SLA timer lag (1,000 sla-demo timers due together)", NONE + " (full mode only, or --sla)", "p99 ≤ 5 s",
                    NONE);
        }
        row(md, "Heap after GC / RSS, idle after start", footprint(my.get("footprintIdle")), "", "");
        row(md, "Heap after GC / RSS, after the load above", footprint(my.get("footprintAfterLoad")), "", "");
        if (!backlog.isEmpty()) {
            Map<?, ?> f = map(backlog.get("footprintAfterLoad"));
            row(md, "Heap after GC / RSS with " + options.get("backlog") + " open tickets, after load", footprint(f),
                    "heap ≤ 512 MB", verdict(f.get("heapAfterGcMb"), 512, true));
        } else {
            row(md, "Heap after GC with 100,000 open tickets", NONE + " (full mode only)", "≤ 512 MB", NONE);
        }
        if (!h2.isEmpty()) {
            row(md, "H2 (embedded default): start-up to ready", sec(h2.get("startupSeconds")), "", "");
            for (String c : List.of("8", "64")) {
                Map<?, ?> p = map(h2.get("create_" + c));
                row(md, "H2: create, " + c + " clients", rateAndLatency(p, "tickets") + "; JVM CPU "
                        + f2(map(p.get("cpu")).get("serverCpuMsPerUnit")) + " ms/create", "reference", "");
            }
        }
        List<?> checks = list(r.get("rowChecks"));
        long bad = checks.stream().filter(c -> !Boolean.TRUE.equals(map(c).get("ok"))).count();
        row(md, "Rows: ticket rows = running = historic inquiry instances = creates answered 201", checks.isEmpty() ? NONE
                : bad == 0 ? "equal at all " + checks.size() + " checks" : bad + " of " + checks.size() + " checks differ (see below)",
                "equal", checks.isEmpty() ? NONE : bad == 0 ? MET : MISSED);
        md.append('\n');

        md.append("## Phases\n\n");
        md.append("CPU columns are % of one core over the measured window (the machine has ")
                .append(machine.get("cores")).append(" cores, so 100 % machine = all cores busy); server CPU by threads ")
                .append("groups the server JVM's threads by name (/proc/PID/task). Pool = Hikari, sampled ")
                .append("every 100 ms in the server: active connections mean/max, threads waiting for a connection ")
                .append("mean/max and the share of samples with any waiting; Tomcat = busy request threads (mean). ")
                .append("Machine probes, read by the driver just before the phase with the server idle: compute = CPU ms ")
                .append("for one fixed computation, loopback = CPU µs per 64-byte round trip over loopback TCP (the ")
                .append("kernel's share of every request and database call). The same work every time, so a higher ")
                .append("figure means the machine did less per CPU second (other guests on the host), and ")
                .append("CPU-per-operation figures of phases with different probes are not comparable.\n\n");
        md.append("| Phase | Clients | Ok/s | p50 ms | p95 ms | p99 ms | max ms | Errors | Server CPU | MariaDB CPU | Driver CPU "
                + "| Other processes | Machine busy | Machine probes | Pool active | Pool waiting | Tomcat busy | Server CPU by threads |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<Map<?, ?>> phases = new ArrayList<>();
        for (String k : List.of("complete1k_8", "complete1k_64", "create_1", "create_8", "create_64")) {
            phases.add(map(my.get(k)));
        }
        for (String k : List.of("complete_8", "complete_64")) {
            phases.add(map(backlog.get(k)));
        }
        for (String k : List.of("create_8", "create_64")) {
            Map<?, ?> p = map(h2.get(k));
            if (!p.isEmpty()) {
                phases.add(p);
            }
        }
        list(my.get("types")).forEach(type -> phases.add(map(type)));
        for (Map<?, ?> p : phases) {
            if (p.isEmpty()) {
                continue;
            }
            Map<?, ?> l = map(p.get("latency"));
            Map<?, ?> c = map(p.get("cpu"));
            Map<?, ?> s = map(p.get("serverSampler"));
            md.append("| ").append(p.get("name")).append(" | ").append(p.get("clients")).append(" | ")
                    .append(f1(p.get("perSecond"))).append(" | ").append(f1(l.get("p50Ms"))).append(" | ")
                    .append(f1(l.get("p95Ms"))).append(" | ").append(f1(l.get("p99Ms"))).append(" | ")
                    .append(f1(l.get("maxMs"))).append(" | ").append(p.get("errors")).append(" | ")
                    .append(f0(c.get("serverCpuPercentOfOneCore"))).append(" % | ")
                    .append(f0(c.get("databaseCpuPercentOfOneCore"))).append(" % | ")
                    .append(f1(c.get("driverCpuPercentOfOneCore"))).append(" % | ")
                    .append(f0(c.get("otherProcessesCpuPercentOfOneCore"))).append(" % | ")
                    .append(f0(c.get("machineBusyPercentOfAllCores"))).append(" % | ")
                    .append(f0(p.get("machineProbeMs"))).append(" ms, ").append(f1(p.get("machineLoopbackProbeUs")))
                    .append(" µs | ")
                    .append(f1(s.get("poolActiveMean"))).append(" / ").append(s.get("poolActiveMax")).append(" of ")
                    .append(s.get("poolSize")).append(" | ")
                    .append(f1(s.get("poolWaitingMean"))).append(" / ").append(s.get("poolWaitingMax")).append(" (")
                    .append(f0(num(s.get("poolWaitingShare")) * 100)).append(" %) | ")
                    .append(f1(s.get("tomcatBusyMean"))).append(" | ").append(threads(c.get("serverThreadsPercentOfOneCore")))
                    .append(" |\n");
        }
        md.append('\n');

        List<Object> counted = new ArrayList<>(bursts);
        if (!mail.isEmpty()) {
            counted.add(mail.get("batch"));
        }
        databaseWork(md, phases, counted);
        createByType(md, list(my.get("types")));

        md.append("### What bounds each phase (read off the columns above)\n\n");
        for (Map<?, ?> p : phases) {
            if (!p.isEmpty()) {
                md.append("- ").append(p.get("name")).append(": ").append(bound(p)).append('\n');
            }
        }
        md.append('\n');

        md.append("### Task completion detail\n\n");
        md.append("Each completion = look up the ticket's open task (`GET /engine-rest/task?processInstanceBusinessKey=…`) + ")
                .append("`POST /engine-rest/task/{id}/submit-form` as its assignee; the rate counts completed tasks.\n\n");
        md.append("| Phase | Tickets cycled | Completed by task | Lookup p50 / p99 ms | Submit p50 / p99 ms |\n|---|---|---|---|---|\n");
        for (Map<?, ?> p : phases) {
            Map<?, ?> d = map(p.get("detail"));
            if (!d.containsKey("lookupLatency")) {
                continue;
            }
            md.append("| ").append(p.get("name")).append(" | ").append(d.get("tickets")).append(" | ")
                    .append(d.get("completedByTask")).append(" | ")
                    .append(f1(map(d.get("lookupLatency")).get("p50Ms"))).append(" / ")
                    .append(f1(map(d.get("lookupLatency")).get("p99Ms"))).append(" | ")
                    .append(f1(map(d.get("submitFormLatency")).get("p50Ms"))).append(" / ")
                    .append(f1(map(d.get("submitFormLatency")).get("p99Ms"))).append(" |\n");
        }
        md.append('\n');

        if (!bursts.isEmpty()) {
            md.append("### Bursts\n\n| Burst | Ok | Errors | p50 ms | p99 ms | max ms | last answer after | Server CPU s | MariaDB CPU s |\n")
                    .append("|---|---|---|---|---|---|---|---|---|\n");
            for (Object o : bursts) {
                Map<?, ?> b = map(o);
                Map<?, ?> c = map(b.get("cpu"));
                md.append("| ").append(b.get("name")).append(" | ").append(b.get("ok")).append(" | ")
                        .append(b.get("errors")).append(b.get("firstError") == null ? "" : " (" + b.get("errorStatuses") + ")")
                        .append(" | ").append(f0(map(b.get("latency")).get("p50Ms"))).append(" | ")
                        .append(f0(map(b.get("latency")).get("p99Ms"))).append(" | ").append(f0(b.get("maxMsAllClients")))
                        .append(" | ").append(f1(b.get("secondsToLastResponse"))).append(" s | ")
                        .append(f1(c.get("serverCpuSeconds"))).append(" | ").append(f1(c.get("databaseCpuSeconds")))
                        .append(" |\n");
            }
            md.append('\n');
        }
        MailReport.detail(md, mail);

        md.append("### Row checks\n\n| Stage | After | 201s | Ticket rows | Running instances | Historic instances | Open tickets | |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Object o : checks) {
            Map<?, ?> c = map(o);
            md.append("| ").append(c.get("stage")).append(" | ").append(c.get("after")).append(" | ")
                    .append(c.get("created201")).append(" | ").append(c.get("ticketRows")).append(" | ")
                    .append(c.get("runningInquiryInstances")).append(" | ").append(c.get("historicInquiryInstances"))
                    .append(" | ").append(c.get("openTickets")).append(" | ")
                    .append(Boolean.TRUE.equals(c.get("ok")) ? "ok" : "**differs** " + (c.get("error") == null ? "" : c.get("error")))
                    .append(" |\n");
        }
        md.append('\n');

        md.append("## Configuration the server ran with\n\n");
        md.append("Read from the running server (`GET /api/benchmark/config`, profile `benchmark`), not from the files.\n\n");
        config(md, "MySQL/MariaDB", map(my.get("config")));
        config(md, "H2", map(h2.get("config")));
        md.append("Benchmark options: `").append(Json.write(options).replaceAll("\\s+", " ").trim()).append("`\n\n");

        md.append("## Server log\n\n");
        logErrors(md, "MySQL/MariaDB", my);
        logErrors(md, "MySQL/MariaDB, backlog server", backlog);
        logErrors(md, "H2", h2);
        return md.toString();
    }

    private static void config(StringBuilder md, String label, Map<?, ?> c) {
        if (c.isEmpty()) {
            return;
        }
        Map<?, ?> pool = map(c.get("connectionPool"));
        Map<?, ?> camunda = map(c.get("camunda"));
        Map<?, ?> jobs = map(camunda.get("jobExecutor"));
        Map<?, ?> tomcat = map(c.get("tomcat"));
        Map<?, ?> jvm = map(c.get("jvm"));
        md.append("**").append(label).append("**: JDBC `").append(pool.get("jdbcUrl")).append("`; Hikari max pool size ")
                .append(pool.get("maximumPoolSize")).append(", min idle ").append(pool.get("minimumIdle"))
                .append(", connection timeout ").append(pool.get("connectionTimeoutMs")).append(" ms, isolation ")
                .append(pool.get("transactionIsolation")).append("; Camunda history level `").append(camunda.get("historyLevel"))
                .append("`, database type ").append(camunda.get("databaseType")).append(", JDBC batch processing ")
                .append(camunda.get("jdbcBatchProcessing")).append(", id generator ").append(camunda.get("idGenerator"))
                .append(", authorization ").append(camunda.get("authorizationEnabled")).append(", metrics ")
                .append(camunda.get("metricsEnabled")).append("; job executor ").append(jobs.get("class"))
                .append(" core/max threads ").append(jobs.get("corePoolSize")).append("/").append(jobs.get("maxPoolSize"))
                .append(", queue ").append(jobs.get("queueCapacity")).append(", max jobs per acquisition ")
                .append(jobs.get("maxJobsPerAcquisition")).append(", wait ").append(jobs.get("waitTimeInMillis"))
                .append(" ms (max ").append(jobs.get("maxWait")).append(" ms), lock ").append(jobs.get("lockTimeInMillis"))
                .append(" ms, acquire by due date ").append(camunda.get("jobExecutorAcquireByDueDate"))
                .append("; Tomcat max threads ").append(tomcat.get("maxThreads")).append(", max connections ")
                .append(tomcat.get("maxConnections")).append(", accept count ").append(tomcat.get("acceptCount"))
                .append(", keep-alive ").append(tomcat.get("keepAliveTimeoutMs")).append(" ms / ")
                .append(tomcat.get("maxKeepAliveRequests")).append(" requests; JVM ").append(jvm.get("javaVersion"))
                .append(", max heap ").append(jvm.get("maxHeapMb")).append(" MB, GC ").append(jvm.get("gc"))
                .append(", options ").append(jvm.get("inputArguments")).append(".\n\n");
    }

    private static void logErrors(StringBuilder md, String label, Map<?, ?> stage) {
        if (stage.isEmpty()) {
            return;
        }
        md.append("**").append(label).append("** (`").append(stage.get("serverLog")).append("`): ")
                .append(stage.get("serverLogErrorCount")).append(" ERROR lines");
        List<?> lines = list(stage.get("serverLogErrors"));
        if (lines.isEmpty()) {
            md.append(".\n\n");
            return;
        }
        md.append(", the first ones:\n\n```\n");
        lines.stream().limit(15).forEach(l -> md.append(l).append('\n'));
        md.append("```\n\n");
    }

    /** A plain reading of a phase's sampler and CPU figures. */
    static String bound(Map<?, ?> p) {
        Map<?, ?> c = map(p.get("cpu"));
        Map<?, ?> s = map(p.get("serverSampler"));
        Map<?, ?> threads = map(c.get("serverThreadsPercentOfOneCore"));
        List<String> notes = new ArrayList<>();
        double busy = num(c.get("machineBusyPercentOfAllCores"));
        double waitingShare = num(s.get("poolWaitingShare"));
        double active = num(s.get("poolActiveMean"));
        double size = num(s.get("poolSize"));
        if (waitingShare > 0.5 && busy < 50) {
            notes.add("connection pool exhausted (" + f1(active) + " of " + f0(size) + " connections in use, "
                    + f1(s.get("poolWaitingMean")) + " threads waiting) while the machine is " + f0(busy)
                    + " % busy: requests wait for connections, not for CPU");
        } else if (busy >= 90) {
            notes.add("CPU-bound: the machine is " + f0(busy) + " % busy (server " + f0(c.get("serverCpuPercentOfOneCore"))
                    + " %, MariaDB " + f0(c.get("databaseCpuPercentOfOneCore")) + " %, driver "
                    + f1(c.get("driverCpuPercentOfOneCore")) + " % of a core)");
        } else {
            notes.add("machine " + f0(busy) + " % busy (server " + f0(c.get("serverCpuPercentOfOneCore")) + " %, MariaDB "
                    + f0(c.get("databaseCpuPercentOfOneCore")) + " %)");
        }
        double others = num(c.get("otherProcessesCpuPercentOfOneCore"));
        if (others >= 10) {
            notes.add("**other processes on the machine took " + f0(others) + " % of a core** (figures disturbed)");
        }
        if (waitingShare > 0.05 && !(waitingShare > 0.5 && busy < 50)) {
            notes.add("threads waited for a connection in " + f0(waitingShare * 100) + " % of the samples");
        }
        double jit = num(threads.get("jit-compiler"));
        if (jit >= 15) {
            notes.add("the JIT compiler still used " + f0(jit) + " % of a core (warm-up not finished)");
        }
        double gc = num(threads.get("gc"));
        if (gc >= 15) {
            notes.add("GC used " + f0(gc) + " % of a core");
        }
        if (num(p.get("errors")) > 0) {
            notes.add(p.get("errors") + " errors " + p.get("errorStatuses") + ": " + p.get("firstError"));
        }
        return String.join("; ", notes);
    }

    /** The top thread groups of the server's CPU, e.g. "tomcat-requests 140 %, jit-compiler 12 %". */
    static String threads(Object o) {
        List<String> top = new ArrayList<>();
        map(o).entrySet().stream().limit(3).forEach(e -> top.add(e.getKey() + " " + f0(e.getValue()) + " %"));
        return String.join(", ", top);
    }

    /**
     * The queue phase: an agent's department queue in Tasklist (the filter's list and count) and in our API, each
     * request's latency; judged with the large backlog.
     */
    private static void queueRows(StringBuilder md, String open, Map<?, ?> phase, boolean judged) {
        if (phase.isEmpty()) {
            row(md, "Queues (" + open + ")", NONE, judged ? "p95 ≤ 100 ms" : "", judged ? NONE : "");
            return;
        }
        Map<?, ?> d = map(phase.get("detail"));
        String load = phase.get("clients") + " agents of 20 departments, " + f1(phase.get("perSecond"))
                + " looks/s, " + d.get("averageQueueLength") + " tasks in an average queue; errors " + phase.get("errors");
        queueRow(md, "Queue: Tasklist 我组的工单, first 15 tasks (filter list, engine REST), " + open,
                map(d.get("tasklistQueueLatency")), load, judged);
        queueRow(md, "(for reference) Queue: Tasklist's count of it, " + open, map(d.get("tasklistCountLatency")), "",
                false);
        queueRow(md, "Queue: `GET /api/tickets?group=…`, first 20, " + open, map(d.get("apiGroupListLatency")), "",
                judged);
    }

    private static void queueRow(StringBuilder md, String figure, Map<?, ?> l, String load, boolean judged) {
        String value = "p50 " + f1(l.get("p50Ms")) + ", p95 " + f1(l.get("p95Ms")) + ", p99 " + f1(l.get("p99Ms"))
                + " ms" + (load.isEmpty() ? "" : "; " + load);
        row(md, figure, value, judged ? "p95 ≤ 100 ms" : "", judged ? verdict(l.get("p95Ms"), 100, true) : "");
    }

    private static String rateAndLatency(Map<?, ?> p, String unit) {
        if (p.isEmpty()) {
            return NONE;
        }
        Map<?, ?> l = map(p.get("latency"));
        return f1(p.get("perSecond")) + " " + unit + "/s; p50 " + f1(l.get("p50Ms")) + ", p95 " + f1(l.get("p95Ms"))
                + ", p99 " + f1(l.get("p99Ms")) + ", max " + f1(l.get("maxMs")) + " ms; errors " + p.get("errors")
                + (num(p.get("errors")) > 0 ? " of " + p.get("sentInWindow") + " sent " + p.get("errorStatuses") : "");
    }

    private static String footprint(Object o) {
        Map<?, ?> f = map(o);
        return f.isEmpty() ? NONE : f0(f.get("heapAfterGcMb")) + " MB heap after GC (committed " + f0(f.get("heapCommittedMb"))
                + " MB), RSS " + f0(f.get("rssMb")) + " MB";
    }

    /** One line: the range of a machine probe over the run's phases, flagged when it moved by more than 15 %. */
    private static void probeRange(StringBuilder md, List<Map<?, ?>> stages, String key, String what, String unit) {
        List<Double> probes = new ArrayList<>();
        for (Map<?, ?> stage : stages) {
            for (Object phase : stage.values()) {
                if (phase instanceof Map<?, ?> m && m.get(key) instanceof Number n) {
                    probes.add(n.doubleValue());
                }
            }
        }
        if (probes.isEmpty()) {
            return;
        }
        double min = probes.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = probes.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        md.append("Machine ").append(what).append(" before each phase (see Phases): ")
                .append(f1(min)).append("-").append(f1(max)).append(unit)
                .append(max > min * 1.15 ? ", **the machine's speed changed during the run by "
                        + f0((max / min - 1) * 100) + " %**: compare CPU figures across phases with care" : "")
                .append(".  \n");
    }

    static void row(StringBuilder md, String figure, String value, String target, String verdict) {
        md.append("| ").append(figure).append(" | ").append(value).append(" | ").append(target).append(" | ")
                .append(verdict).append(" |\n");
    }

    private static String verdict(Object value, double limit, boolean atMost) {
        Double v = dbl(value);
        if (v == null) {
            return NONE;
        }
        return (atMost ? v <= limit : v >= limit) ? MET : MISSED;
    }

    private static Double ratio(Object a, Object b) {
        Double x = dbl(a);
        Double y = dbl(b);
        return x == null || y == null || y == 0 ? null : x / y;
    }

    static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static Double dbl(Object o) {
        return o instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : null;
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String sec(Object o) {
        return dbl(o) == null ? NONE : f1(o) + " s";
    }

    /** Creates of each shipped ticket type against those of inquiry ({@code --types}; issue 26). */
    private static void createByType(StringBuilder md, List<?> types) {
        if (types.isEmpty()) {
            return;
        }
        md.append("### Create by ticket type (`--types`)\n\n")
                .append("Each type opened by 8 clients, one type after the other on the same server, inquiry first: a ")
                .append("create of a new type should cost no more than one of inquiry (CPU and statements per create; ")
                .append("the rate follows the CPU).\n\n")
                .append("| Type | Creates/s | p50 / p99 ms | CPU per create, JVM + MariaDB | against inquiry | Statements ")
                .append("per create |\n|---|---|---|---|---|---|\n");
        Double inquiry = null;
        for (Object t : types) {
            Map<?, ?> p = map(t);
            Map<?, ?> c = map(p.get("cpu"));
            Double cpu = dbl(c.get("serverPlusDatabaseCpuMsPerUnit"));
            if ("inquiry".equals(p.get("ticketType"))) {
                inquiry = cpu;
            }
            Double against = ratio(cpu, inquiry);
            md.append("| ").append(p.get("ticketType")).append(" | ").append(f1(p.get("perSecond"))).append(" | ")
                    .append(f1(map(p.get("latency")).get("p50Ms"))).append(" / ")
                    .append(f1(map(p.get("latency")).get("p99Ms"))).append(" | ")
                    .append(f2(c.get("serverCpuMsPerUnit"))).append(" + ").append(f2(c.get("databaseCpuMsPerUnit")))
                    .append(" = ").append(f2(cpu)).append(" ms | ")
                    .append(against == null ? NONE : String.format(Locale.ROOT, "%+.0f %%", (against - 1) * 100))
                    .append(" | ").append(f2(map(c.get("databaseWorkPerUnit")).get("statements"))).append(" |\n");
        }
        md.append('\n');
    }

    /** MariaDB's statement and page counters per operation, for the phases on MariaDB (none in older results). */
    private static void databaseWork(StringBuilder md, List<Map<?, ?>> phases, List<?> bursts) {
        List<Map<?, ?>> all = new ArrayList<>(phases);
        bursts.forEach(b -> all.add(map(b)));
        List<Map<?, ?>> counted = all.stream()
                .filter(p -> !map(map(p.get("cpu")).get("databaseWorkPerUnit")).isEmpty()).toList();
        if (counted.isEmpty()) {
            return;
        }
        md.append("### MariaDB's work per operation\n\n")
                .append("From MariaDB's own counters (`SHOW GLOBAL STATUS`) over the measured window, divided by the ")
                .append("operations answered in it (a create; a completion = task lookup + submit-form; a mail taken in): statements ")
                .append("of every kind (`Questions`, commits included), by kind, and InnoDB pages read from disk ")
                .append("(buffer pool misses) and written. They do not depend on the machine's speed that day: ")
                .append("compare runs by them.\n\n| Phase");
        DatabaseCounters.COUNTERS.forEach(c -> md.append(" | ").append(c.heading()));
        md.append(" |\n|---").append("|---".repeat(DatabaseCounters.COUNTERS.size())).append("|\n");
        for (Map<?, ?> p : counted) {
            Map<?, ?> w = map(map(p.get("cpu")).get("databaseWorkPerUnit"));
            md.append("| ").append(p.get("name"));
            for (DatabaseCounters.Counter c : DatabaseCounters.COUNTERS) {
                md.append(" | ").append(f2(w.get(c.key())));
            }
            md.append(" |\n");
        }
        md.append('\n');
    }

    static String f0(Object o) {
        return fmt(o, "%.0f");
    }

    static String f1(Object o) {
        return fmt(o, "%.1f");
    }

    static String f2(Object o) {
        return fmt(o, "%.2f");
    }

    private static String f3(Object o) {
        return fmt(o, "%.3f");
    }

    private static String fmt(Object o, String pattern) {
        Double d = dbl(o);
        return d == null ? "–" : String.format(Locale.ROOT, pattern, d);
    }

    /** Made by the phases before it, seeded over HTTP and dumped, or restored from a dump. */
    private static String howTheBacklogWasMade(Map<?, ?> backlog) {
        if (backlog.containsKey("madeBy")) {
            return "made by " + backlog.get("madeBy") + ", no seeding";
        }
        Map<?, ?> seeded = map(backlog.get("seeded"));
        if (!seeded.isEmpty()) {
            return "seeded by " + seeded.get("ok") + " creates over HTTP in " + f0(seeded.get("seconds")) + " s ("
                    + f0(seeded.get("perSecond")) + "/s, " + seeded.get("clients") + " clients), then dumped to `"
                    + backlog.get("dumpedTo") + "` in " + f0(backlog.get("dumpSeconds")) + " s";
        }
        return "restored from `" + backlog.get("restoredFrom") + "` (made " + map(backlog.get("dumpMade")).get("createdAt")
                + ") in " + f0(backlog.get("restoreSeconds")) + " s";
    }
}
