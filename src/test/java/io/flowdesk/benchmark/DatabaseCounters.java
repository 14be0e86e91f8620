package io.flowdesk.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
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

    /** The counters now, read over the driver's own connection to MariaDB. */
    static Map<String, Long> read(Connection connection) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("show global status where Variable_name in ('"
                     + String.join("','", COUNTERS.keySet()) + "')")) {
            while (rs.next()) {
                values.put(COUNTERS.get(rs.getString(1)), rs.getLong(2));
            }
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
