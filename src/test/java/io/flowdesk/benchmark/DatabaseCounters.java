package io.flowdesk.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * MariaDB's own counters of the work it did (SHOW GLOBAL STATUS), read before and after a measured window: statements
 * by kind, and InnoDB pages read from disk and written, per operation. Unlike CPU seconds they do not depend on how
 * fast the machine is that day, so they compare runs on different days and show what a change saved. Counted for
 * the whole server (nothing else uses it during a run; the job executor's polls are included).
 */
final class DatabaseCounters {

    /** One of MariaDB's status variables: its name, its key in the JSON, its column in the Markdown report. */
    record Counter(String variable, String key, String heading) {
    }

    static final List<Counter> COUNTERS = List.of(
            new Counter("Questions", "statements", "Statements"),
            new Counter("Com_select", "select", "select"),
            new Counter("Com_insert", "insert", "insert"),
            new Counter("Com_update", "update", "update"),
            new Counter("Com_delete", "delete", "delete"),
            new Counter("Com_commit", "commit", "commit"),
            new Counter("Innodb_buffer_pool_reads", "pagesReadFromDisk", "Pages read from disk"),
            new Counter("Innodb_buffer_pool_pages_flushed", "pagesWritten", "Pages written"));

    /** Status variable → JSON key, for reading them. */
    private static final Map<String, String> KEYS = COUNTERS.stream()
            .collect(Collectors.toMap(Counter::variable, Counter::key));

    private DatabaseCounters() {
    }

    /** The counters now, read over the driver's own connection to MariaDB. */
    static Map<String, Long> read(Connection connection) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("show global status where Variable_name in ('"
                     + String.join("','", KEYS.keySet()) + "')")) {
            while (rs.next()) {
                values.put(KEYS.get(rs.getString(1)), rs.getLong(2));
            }
        }
        return values;
    }

    /** A connection to MariaDB, opened for one reading. */
    interface Connect {
        Connection open() throws SQLException;
    }

    /** The counters now, over a connection of their own; empty (and said so) if they cannot be read. */
    static Map<String, Long> readOrNone(Connect connect) {
        try (Connection c = connect.open()) {
            return read(c);
        } catch (SQLException e) {
            System.out.println("    database counters not read: " + e.getMessage());
            return Map.of();
        }
    }

    /** Each counter's growth between two readings per unit of work; empty if either reading is. */
    static Map<String, Object> perUnit(Map<String, Long> a, Map<String, Long> b, long units) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (a.isEmpty() || b.isEmpty() || units <= 0) {
            return out;
        }
        for (Counter counter : COUNTERS) {
            String key = counter.key();
            if (a.containsKey(key) && b.containsKey(key)) {
                out.put(key, (double) (b.get(key) - a.get(key)) / units);
            }
        }
        return out;
    }
}
