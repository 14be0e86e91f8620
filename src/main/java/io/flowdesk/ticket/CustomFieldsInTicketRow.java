package io.flowdesk.ticket;

import io.flowdesk.common.VersionedJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Main migration V4: custom fields move from the {@code ticket_field} table into the ticket row ({@link
 * CustomFields}), and the table goes. Written in Java because turning rows into a JSON object is said differently
 * in H2's SQL and MySQL's; the JSON is written by the same code that writes it for new tickets.
 */
@Component
public class CustomFieldsInTicketRow extends VersionedJavaMigration {

    private static final int BATCH = 500;

    public CustomFieldsInTicketRow() {
        super("4", "custom fields in the ticket row");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table ticket add column custom_fields " + columnType(connection));
        }
        copyFields(connection);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop table ticket_field");
        }
    }

    /** MEDIUMTEXT on MySQL and MariaDB (TEXT holds 64 KB); H2's VARCHAR holds a million characters. */
    private static String columnType(Connection connection) throws SQLException {
        return isH2(connection) ? "varchar(" + CustomFields.MAX_LENGTH + ")" : "mediumtext";
    }

    /** One ticket's rows at a time, in key order (by field name: the table kept no other order). */
    private static void copyFields(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "select ticket_id, field_name, field_value from ticket_field order by ticket_id, field_name");
             PreparedStatement write = connection.prepareStatement(
                     "update ticket set custom_fields = ? where id = ?");
             ResultSet rows = read.executeQuery()) {
            long ticket = 0;
            Map<String, String> fields = new LinkedHashMap<>();
            int updates = 0;
            while (rows.next()) {
                long id = rows.getLong(1);
                if (id != ticket && !fields.isEmpty()) {
                    addUpdate(write, ticket, fields);
                    if (++updates % BATCH == 0) {
                        write.executeBatch();
                    }
                }
                ticket = id;
                fields.put(rows.getString(2), rows.getString(3));
            }
            if (!fields.isEmpty()) {
                addUpdate(write, ticket, fields);
            }
            write.executeBatch();
        }
    }

    private static void addUpdate(PreparedStatement write, long ticket, Map<String, String> fields)
            throws SQLException {
        write.setString(1, CustomFields.write(fields));
        write.setLong(2, ticket);
        write.addBatch();
        fields.clear();
    }
}
