package io.flowdesk.security;

import io.flowdesk.common.EngineMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Widens Camunda's index {@code ACT_IDX_AUTH_RESOURCE_ID} on {@code ACT_RU_AUTHORIZATION(RESOURCE_ID_)} to every
 * column a permission check reads of a grant row ({@code RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, GROUP_ID_, USER_ID_,
 * PERMS_}), on MySQL/MariaDB. Camunda checks each task of a list (Tasklist's queues) with subqueries on the grant rows
 * of that task: with the index alone, each is found in the index and then read by its primary key; with the widened
 * one, the index answers. Same name and first column, so Camunda's lookups by resource id and its scripts that name
 * the index are served as before; as many index entries per grant row as before (benchmark/README.md, 2026-12-07
 * afternoon: creates level, the queues' looks +18 %). If the database refuses it (an index key longer than an old
 * row format allows), the narrow index stays and the start goes on: it is a matter of speed only.
 */
@Component
class GrantIndexCoversTheCheck implements EngineMigration {

    private static final String INDEX = "ACT_IDX_AUTH_RESOURCE_ID";
    private static final String COLUMNS = "RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, GROUP_ID_, USER_ID_, PERMS_";
    private static final Logger log = LoggerFactory.getLogger(GrantIndexCoversTheCheck.class);

    @Override
    public String version() {
        return "5";
    }

    @Override
    public String description() {
        return "widen the grant index by resource id to the columns a permission check reads";
    }

    @Override
    public void migrate(Connection connection) throws SQLException {
        if (!GrantIndexes.changedHere(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            if (GrantIndexes.columns(statement, INDEX) != 1) {
                return; // missing, or widened already
            }
            // one statement: the table is never without an index by resource id
            statement.execute("alter table ACT_RU_AUTHORIZATION drop index " + INDEX + ", add index " + INDEX
                    + " (" + COLUMNS + ")");
        } catch (SQLException e) {
            log.warn("{} left on RESOURCE_ID_ alone ({}): permission checks of task lists read each grant row by"
                    + " its primary key", INDEX, e.getMessage());
        }
    }
}
