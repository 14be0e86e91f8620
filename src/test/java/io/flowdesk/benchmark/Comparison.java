package io.flowdesk.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One phase of an {@link Alternation}: build A's windows against build B's. Rates are over all of a build's windows
 * (operations answered / seconds measured); each round's ratio B/A compares two windows seconds apart.
 */
final class Comparison {

    private Comparison() {
    }

    static Map<String, Object> of(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean burst = !a.isEmpty() && a.get(0).containsKey("maxMsAllClients");
        out.put("windows", Math.min(a.size(), b.size()));
        if (burst) {
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
        out.put("p95MsA", median(a, "p95Ms"));
        out.put("p95MsB", median(b, "p95Ms"));
        out.put("errorsA", sum(a, "errors"));
        out.put("errorsB", sum(b, "errors"));
        return out;
    }

    private static double rate(List<Map<String, Object>> windows) {
        return sum(windows, "ok") / sum(windows, "measuredSeconds");
    }

    private static double sum(List<Map<String, Object>> windows, String key) {
        return windows.stream().mapToDouble(w -> Load.num(w.get(key))).sum();
    }

    private static double max(List<Map<String, Object>> windows, String key) {
        return windows.stream().mapToDouble(w -> Load.num(w.get(key))).max().orElse(Double.NaN);
    }

    private static List<Double> range(List<Map<String, Object>> windows) {
        double low = windows.stream().mapToDouble(w -> Load.num(w.get("perSecond"))).min().orElse(Double.NaN);
        double high = windows.stream().mapToDouble(w -> Load.num(w.get("perSecond"))).max().orElse(Double.NaN);
        return List.of(low, high);
    }

    /** JVM + MariaDB CPU seconds over all windows per 1,000 operations answered in them. */
    private static double cpuPerOp(List<Map<String, Object>> windows) {
        double cpu = 0;
        for (Map<String, Object> w : windows) {
            Map<?, ?> c = (Map<?, ?>) w.get("cpu");
            cpu += Load.num(c.get("serverCpuSeconds")) + Load.num(c.get("databaseCpuSeconds"));
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

    private static double median(List<Map<String, Object>> windows, String latencyKey) {
        double[] values = windows.stream().mapToDouble(w -> Load.num(((Map<?, ?>) w.get("latency")).get(latencyKey)))
                .sorted().toArray();
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
                .append(" s warm-up each), A first in odd rounds, B first in even ones; both servers up throughout,"
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
                md.append("| ").append(e.getKey()).append(" (max ms) | ").append(fmt(p.get("maxMsA"), 0)).append(" | ")
                        .append(fmt(p.get("maxMsB"), 0)).append(" | | | | | | | | ")
                        .append(fmt(p.get("errorsA"), 0)).append(" / ").append(fmt(p.get("errorsB"), 0)).append(" |\n");
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
        md.append("\nRows (201s against ticket rows and running inquiry instances): A ").append(report.get("rowsA"))
                .append(", B ").append(report.get("rowsB")).append(". Server log errors: A ")
                .append(report.get("serverLogErrorsA")).append(", B ").append(report.get("serverLogErrorsB"))
                .append(". Run took ").append(fmt(report.get("totalSeconds"), 0)).append(" s.\n");
        return md.toString();
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
