package io.flowdesk.security;

import io.flowdesk.common.EngineMigration;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Drops Camunda's index {@code ACT_IDX_AUTH_GROUP_ID} on {@code ACT_RU_AUTHORIZATION(GROUP_ID_)}: the unique index
 * {@code ACT_UNIQ_AUTH_GROUP (GROUP_ID_, TYPE_, RESOURCE_TYPE_, RESOURCE_ID_)} starts with the same column, so every
 * lookup by group uses that one as well, and the grant rows written with every new task and ticket each write one
 * index entry less (on MariaDB a grant row cost about 14 % less CPU without it: benchmark/README.md, 2026-12-06). On
 * H2 and others the index is left alone. An upgrade of Camunda's schema that names this index would have to
 * recreate it first (README "Roles").
 */
@Component
class RedundantGrantIndexDropped implements EngineMigration {

    @Override
    public String version() {
        return "4";
    }

    @Override
    public String description() {
        return "drop the grant index that the unique group index covers";
    }

    @Override
    public void migrate(Connection connection) throws SQLException {
        if (!GrantIndexes.changedHere(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            if (GrantIndexes.columns(statement, "ACT_IDX_AUTH_GROUP_ID") > 0) {
                statement.execute("drop index ACT_IDX_AUTH_GROUP_ID on ACT_RU_AUTHORIZATION");
            }
        }
    }
}
