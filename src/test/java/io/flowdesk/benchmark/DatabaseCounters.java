package io.flowdesk.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MariaDB's own counters of the work it did (SHOW GLOBAL STATUS), read before and after a measured window: statements
 * by kind, and InnoDB pages read from disk and written, per operation. Unlike CPU seconds they do not depend on how
 * fast the machine is that day, so they compare runs on different days and show what a change saved. Counted for
 * the whole server (nothing else uses it during a run; the job executor's polls are included).
 */
final class DatabaseCounters {

    /** Counter name → the name it has in the report. */
    static final Map<String, String> COUNTERS = counters();

    private DatabaseCounters() {
    }

    private static Map<String, String> counters() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("Questions", "statements");
        names.put("Com_select", "select");
        names.put("Com_insert", "insert");
        names.put("Com_update", "update");
        names.put("Com_delete", "delete");
        names.put("Com_commit", "commit");
        names.put("Innodb_buffer_pool_reads", "pagesReadFromDisk");
        names.put("Innodb_buffer_pool_pages_flushed", "pagesWritten");
        return names;
    }

    /** The counters now, or an empty map when the mysql client cannot read them. */
    static Map<String, Long> read() {
        String list = String.join("','", COUNTERS.keySet());
        List<String> command = List.of("mysql", "--protocol=tcp", "-h", "127.0.0.1", "-u", "root", "-N", "-B", "-e",
                "show global status where Variable_name in ('" + list + "')");
        Map<String, Long> values = new LinkedHashMap<>();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                return Map.of();
            }
            for (String line : out.split("\n")) {
                String[] cells = line.trim().split("\\s+");
                if (cells.length == 2 && COUNTERS.containsKey(cells[0])) {
                    values.put(COUNTERS.get(cells[0]), Long.parseLong(cells[1]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
        return values;
    }

    /** Each counter's growth between two readings per unit of work; empty if either reading is. */
    static Map<String, Object> perUnit(Map<String, Long> a, Map<String, Long> b, long units) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (a.isEmpty() || b.isEmpty() || units <= 0) {
            return out;
        }
        for (String name : COUNTERS.values()) {
            if (a.containsKey(name) && b.containsKey(name)) {
                out.put(name, (double) (b.get(name) - a.get(name)) / units);
            }
        }
        return out;
    }
}
