package io.flowdesk.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the engine migrations of the grant table's indexes ask of the database before they change one. */
final class GrantIndexes {

    private GrantIndexes() {
    }

    /** True on MySQL and MariaDB, the only databases whose grant indexes Flowdesk changes. */
    static boolean changedHere(Connection connection) throws SQLException {
        String database = connection.getMetaData().getDatabaseProductName().toLowerCase();
        return database.contains("mysql") || database.contains("mariadb");
    }

    /** How many columns the index of {@code ACT_RU_AUTHORIZATION} of that name has: 0 if there is none. */
    static int columns(Statement statement, String index) throws SQLException {
        try (ResultSet found = statement.executeQuery("select count(*) from information_schema.statistics"
                + " where table_schema = database() and upper(table_name) = 'ACT_RU_AUTHORIZATION'"
                + " and upper(index_name) = '" + index + "'")) {
            return found.next() ? found.getInt(1) : 0;
        }
    }
}
