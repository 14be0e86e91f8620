package io.flowdesk.common;

import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Main migration V3: a database the engine created at history level {@code activity} (id 1, the level before
 * 0.1's {@code tasks}) is marked as level {@link TaskHistoryLevel#ID}, which keeps a subset of the same history;
 * otherwise Camunda refuses to start on it. Runs before the engine, like every main migration, so on a new
 * database there is nothing to mark yet.
 */
@Component
class HistoryLevelMigration extends VersionedJavaMigration {

    private static final String PROPERTY_TABLE = "ACT_GE_PROPERTY";

    HistoryLevelMigration() {
        super("3", "history level activity becomes tasks");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!engineTablesExist(connection)) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("update " + PROPERTY_TABLE
                + " set VALUE_ = ?, REV_ = REV_ + 1 where NAME_ = 'historyLevel' and VALUE_ = '1'")) {
            update.setString(1, String.valueOf(TaskHistoryLevel.ID));
            update.executeUpdate();
        }
    }

    private static boolean engineTablesExist(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                PROPERTY_TABLE, null)) {
            return tables.next();
        }
    }
}
