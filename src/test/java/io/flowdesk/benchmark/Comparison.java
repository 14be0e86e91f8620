package io.flowdesk.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One phase of an {@link Alternation}: build A's windows against build B's. Rates are over all of a build's windows
 * (operations answered / seconds measured); each round's ratio B/A compares two windows seconds apart (or, side by
 * side, the same seconds).
 */
final class Comparison {

    private Comparison() {
    }

    static Map<String, Object> of(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean burst = !a.isEmpty() && a.get(0).containsKey("maxMsAllClients");
        out.put("windows", Math.min(a.size(), b.size()));
        if (burst) {
            // one burst's slowest answer swings by a factor of two from burst to burst: medians over many bursts
            for (String[] figure : BURST_FIGURES) {
                double medianA = median(a, figure[1]);
                double medianB = median(b, figure[1]);
                out.put(figure[0] + "A", medianA);
                out.put(figure[0] + "B", medianB);
                out.put(figure[0] + "Change", medianB / medianA - 1);
            }
            out.put("maxMsA", max(a, "maxMsAllClients"));
            out.put("maxMsB", max(b, "maxMsAllClients"));
            out.put("errorsA", sum(a, "errors"));
            out.put("errorsB", sum(b, "errors"));
            return out;
        }
        double rateA = rate(a);
        double rateB = rate(b);
        out.put("perSecondA", rateA);
        out.put("perSecondB", rateB);
        out.put("change", rateB / rateA - 1);
        List<Double> rounds = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            rounds.add(Load.num(b.get(i).get("perSecond")) / Load.num(a.get(i).get("perSecond")) - 1);
        }
        out.put("changeByRound", rounds);
        out.put("rangeA", range(a));
        out.put("rangeB", range(b));
        out.put("cpuMsPerOpA", cpuPerOp(a));
        out.put("cpuMsPerOpB", cpuPerOp(b));
        out.put("statementsPerOpA", statementsPerOp(a));
        out.put("statementsPerOpB", statementsPerOp(b));
        out.put("p95MsA", median(a, "latency.p95Ms"));
        out.put("p95MsB", median(b, "latency.p95Ms"));
        out.put("errorsA", sum(a, "errors"));
        out.put("errorsB", sum(b, "errors"));
        if (!a.isEmpty() && a.get(0).get("detail") instanceof Map<?, ?> d && d.containsKey("tasklistQueueLatency")) {
            for (String[] figure : QUEUE_FIGURES) {
                out.put(figure[0] + "A", List.of(median(a, figure[1]), max(a, figure[1])));
                out.put(figure[0] + "B", List.of(median(b, figure[1]), max(b, figure[1])));
            }
        }
        return out;
    }

    /** Burst figures: name in the comparison, path in a burst's result, label in the report. */
    private static final String[][] BURST_FIGURES = {
            {"medianMaxMs", "maxMsAllClients", "slowest answer, ms"},
            {"medianP99Ms", "latency.p99Ms", "p99, ms"},
            {"medianMeanMs", "latency.meanMs", "mean, ms"},
            {"medianAllAnsweredSeconds", "secondsToLastResponse", "all answered, s"}};

    /** Queue figures (p95 of each request), as median and worst of the windows. */
    private static final String[][] QUEUE_FIGURES = {
            {"tasklistListP95Ms", "detail.tasklistQueueLatency.p95Ms"},
            {"tasklistCountP95Ms", "detail.tasklistCountLatency.p95Ms"},
            {"apiGroupListP95Ms", "detail.apiGroupListLatency.p95Ms"}};

    /** A number in a window's result by its dotted path. */
    private static double at(Map<String, Object> window, String path) {
        Object value = window;
        for (String key : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return Load.num(value);
    }

    private static double rate(List<Map<String, Object>> windows) {
        return sum(windows, "ok") / sum(windows, "measuredSeconds");
    }

    private static double sum(List<Map<String, Object>> windows, String key) {
        return windows.stream().mapToDouble(w -> Load.num(w.get(key))).sum();
    }

    private static double max(List<Map<String, Object>> windows, String path) {
        return windows.stream().mapToDouble(w -> at(w, path)).max().orElse(Double.NaN);
    }

    private static List<Double> range(List<Map<String, Object>> windows) {
        double low = windows.stream().mapToDouble(w -> Load.num(w.get("perSecond"))).min().orElse(Double.NaN);
        double high = windows.stream().mapToDouble(w -> Load.num(w.get("perSecond"))).max().orElse(Double.NaN);
        return List.of(low, high);
    }

    /**
     * JVM + MariaDB CPU seconds over all windows per 1,000 operations answered in them; the JVM's alone when the
     * windows ran side by side (MariaDB served both builds at once).
     */
    private static double cpuPerOp(List<Map<String, Object>> windows) {
        double cpu = 0;
        for (Map<String, Object> w : windows) {
            Map<?, ?> c = (Map<?, ?>) w.get("cpu");
            double database = Load.num(c.get("databaseCpuSeconds"));
            cpu += Load.num(c.get("serverCpuSeconds")) + (Double.isNaN(database) ? 0 : database);
        }
        return cpu * 1000 / sum(windows, "ok");
    }

    private static double statementsPerOp(List<Map<String, Object>> windows) {
        double statements = 0;
        for (Map<String, Object> w : windows) {
            Map<?, ?> work = (Map<?, ?>) ((Map<?, ?>) w.get("cpu")).get("databaseWorkPerUnit");
            statements += work == null ? Double.NaN : Load.num(work.get("statements")) * Load.num(w.get("ok"));
        }
        return statements / sum(windows, "ok");
    }

    private static double median(List<Map<String, Object>> windows, String path) {
        double[] values = windows.stream().mapToDouble(w -> at(w, path)).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    // ------------------------------------------------------------------------------------------------ Markdown

    static String markdown(Map<String, Object> report, Alternation.Options o, String jsonName) {
        StringBuilder md = new StringBuilder();
        md.append("# Flowdesk benchmark, two builds in alternation, ").append(report.get("timestamp")).append("\n\n");
        md.append("A = `").append(o.revisionA).append("`, B = `").append(o.revisionB).append("`; ").append(o.rounds)
                .append(" rounds of ").append(fmt(o.window, 0)).append(" s windows (after ").append(fmt(o.warmup, 0))
                .append(" s warm-up each), ").append(o.sideBySide
                        ? "creates and completions of both builds side by side (the same seconds, each with its"
                        + " own clients; CPU per operation: the server JVM's alone), bursts and queues A first in odd"
                        + " rounds"
                        : "A first in odd rounds").append(", B first in even ones; both servers up throughout,"
                        + " each on its own MariaDB database. Figures: `").append(jsonName).append("`.\n\n");
        if (report.containsKey("aborted")) {
            md.append("**Aborted:** ").append(report.get("aborted")).append("\n\n");
        }
        md.append("| phase | A /s | B /s | B against A | by round | A's windows | B's windows | CPU ms/op A / B"
                + " | statements/op A / B | p95 ms A / B | errors A / B |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<?, ?> phases = (Map<?, ?>) report.get("phases");
        for (Map.Entry<?, ?> e : phases.entrySet()) {
            Map<?, ?> p = (Map<?, ?>) e.getValue();
            if (p.containsKey("maxMsA")) {
                continue;
            }
            StringBuilder byRound = new StringBuilder();
            for (Object r : (List<?>) p.get("changeByRound")) {
                byRound.append(byRound.isEmpty() ? "" : ", ").append(percent(r));
            }
            md.append("| ").append(e.getKey()).append(" | ").append(fmt(p.get("perSecondA"), 1)).append(" | ")
                    .append(fmt(p.get("perSecondB"), 1)).append(" | **").append(percent(p.get("change"))).append("** | ")
                    .append(byRound).append(" | ").append(range(p.get("rangeA"))).append(" | ")
                    .append(range(p.get("rangeB"))).append(" | ").append(fmt(p.get("cpuMsPerOpA"), 2)).append(" / ")
                    .append(fmt(p.get("cpuMsPerOpB"), 2)).append(" | ").append(fmt(p.get("statementsPerOpA"), 1))
                    .append(" / ").append(fmt(p.get("statementsPerOpB"), 1)).append(" | ")
                    .append(fmt(p.get("p95MsA"), 0)).append(" / ").append(fmt(p.get("p95MsB"), 0)).append(" | ")
                    .append(fmt(p.get("errorsA"), 0)).append(" / ").append(fmt(p.get("errorsB"), 0)).append(" |\n");
        }
        bursts(md, phases, o);
        queues(md, phases);
        md.append("\nRows (201s against ticket rows and running inquiry instances): A ").append(report.get("rowsA"))
                .append(", B ").append(report.get("rowsB")).append(". Server log errors: A ")
                .append(report.get("serverLogErrorsA")).append(", B ").append(report.get("serverLogErrorsB"))
                .append(". Run took ").append(fmt(report.get("totalSeconds"), 0)).append(" s.\n");
        return md.toString();
    }

    private static void bursts(StringBuilder md, Map<?, ?> phases, Alternation.Options o) {
        if (!(phases.get("burst") instanceof Map<?, ?> p)) {
            return;
        }
        md.append("\n**Bursts**: ").append(o.burstClients).append(" creates at once, each on a new connection; ")
                .append(fmt(p.get("windows"), 0)).append(" bursts of each build (A, B, A, B, … in a round). Median over"
                        + " the bursts; target: the slowest answer ≤ 2 s, no error.\n\n");
        md.append("| figure | A | B | B against A |\n|---|---|---|---|\n");
        for (String[] figure : BURST_FIGURES) {
            int decimals = figure[0].endsWith("Seconds") ? 2 : 0;
            md.append("| ").append(figure[2]).append(" | ").append(fmt(p.get(figure[0] + "A"), decimals)).append(" | ")
                    .append(fmt(p.get(figure[0] + "B"), decimals)).append(" | ")
                    .append(percent(p.get(figure[0] + "Change"))).append(" |\n");
        }
        md.append("| slowest answer of all bursts, ms | ").append(fmt(p.get("maxMsA"), 0)).append(" | ")
                .append(fmt(p.get("maxMsB"), 0)).append(" | |\n");
        md.append("| errors | ").append(fmt(p.get("errorsA"), 0)).append(" | ").append(fmt(p.get("errorsB"), 0))
                .append(" | |\n");
    }

    private static void queues(StringBuilder md, Map<?, ?> phases) {
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<?, ?> e : phases.entrySet()) {
            Map<?, ?> p = (Map<?, ?>) e.getValue();
            if (!p.containsKey(QUEUE_FIGURES[0][0] + "A")) {
                continue;
            }
            rows.append("| ").append(e.getKey());
            for (String[] figure : QUEUE_FIGURES) {
                rows.append(" | ").append(medianAndWorst(p.get(figure[0] + "A"))).append(" / ")
                        .append(medianAndWorst(p.get(figure[0] + "B")));
            }
            rows.append(" |\n");
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n**Queues**: agents of the 20 departments looking at their queue, p95 ms of each request, A / B,"
                + " each the median of the windows (the worst window in brackets); target p95 ≤ 100 ms for the"
                + " Tasklist list and the API's list with 100,000 open tickets.\n\n");
        md.append("| phase | Tasklist 我组的工单 list | its count | `GET /api/tickets?group=…` |\n|---|---|---|---|\n");
        md.append(rows);
    }

    private static String medianAndWorst(Object pair) {
        List<?> list = (List<?>) pair;
        return fmt(list.get(0), 0) + " (" + fmt(list.get(1), 0) + ")";
    }

    private static String range(Object pair) {
        List<?> list = (List<?>) pair;
        return fmt(list.get(0), 0) + "–" + fmt(list.get(1), 0);
    }

    private static String percent(Object change) {
        double v = Load.num(change) * 100;
        return (v >= 0 ? "+" : "−") + String.format("%.1f %%", Math.abs(v));
    }

    private static String fmt(Object value, int decimals) {
        double v = Load.num(value);
        return Double.isNaN(v) ? "–" : String.format("%." + decimals + "f", v);
    }
}
