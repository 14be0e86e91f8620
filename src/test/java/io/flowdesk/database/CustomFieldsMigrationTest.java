package io.flowdesk.database;

import io.flowdesk.ticket.CustomFieldsInTicketRow;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V4 on a database that has tickets with custom fields in the old {@code ticket_field} table: each ticket
 * gets its fields as JSON in its row, tickets without fields get none, and the old table is gone. On H2, and on the
 * MySQL/MariaDB server of {@link MySqlDatabaseTest} when there is one (CI requires it).
 */
class CustomFieldsMigrationTest {

    @Test
    void fieldsMoveIntoTheTicketRowOnH2() throws SQLException {
        migrateAndCheck("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    @EnabledIf("io.flowdesk.database.MySqlDatabaseTest#serverReachableOrRequired")
    void fieldsMoveIntoTheTicketRowOnMySql() throws SQLException {
        migrateAndCheck(MySqlDatabaseTest.recreate("flowdesk_migration_test"), MySqlDatabaseTest.USER,
                MySqlDatabaseTest.PASSWORD);
    }

    private static void migrateAndCheck(String url, String user, String password) throws SQLException {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("2")
                .load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            for (int id = 1; id <= 3; id++) {
                statement.execute("insert into ticket (id, version, ticket_type, subject, channel, customer_tier,"
                        + " priority, status, created_at, updated_at) values (" + id + ", 0, 'inquiry', 'subject " + id
                        + "', 'web', 'standard', 'normal', 'new', current_timestamp, current_timestamp)");
            }
            statement.execute("insert into ticket_field (ticket_id, field_name, field_value) values"
                    + " (1, 'orderNumber', 'SO-1'), (1, 'productModel', '打印机 \"P-200\"'), (3, 'orderNumber', null)");
        }

        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .javaMigrations(new CustomFieldsInTicketRow()).load().migrate();

        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            Map<Long, String> fields = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery("select id, custom_fields from ticket order by id")) {
                while (rows.next()) {
                    fields.put(rows.getLong(1), rows.getString(2));
                }
            }
            assertThat(fields).containsOnlyKeys(1L, 2L, 3L);
            assertThat(fields.get(1L)).isEqualTo("{\"orderNumber\":\"SO-1\",\"productModel\":\"打印机 \\\"P-200\\\"\"}");
            assertThat(fields.get(2L)).as("no fields, no JSON").isNull();
            assertThat(fields.get(3L)).isEqualTo("{\"orderNumber\":null}");
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%", null)) {
                while (tables.next()) {
                    assertThat(tables.getString("TABLE_NAME")).isNotEqualToIgnoringCase("ticket_field");
                }
            }
        }
    }
}
