package io.flowdesk.database;

import io.flowdesk.ticket.CustomFieldsInTicketRow;
import io.flowdesk.ticket.TicketIdBlocks;
import io.flowdesk.ticket.TicketIds;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V5 on a database with tickets: the first block of ids it hands out lies above the highest ticket id;
 * on a new database the first ticket is TK-000001. On H2, and on the MySQL/MariaDB server of
 * {@link MySqlDatabaseTest} when there is one (CI requires it).
 */
class TicketIdBlocksMigrationTest {

    @Test
    void firstIdsAfterExistingTicketsOnH2() throws SQLException {
        assertThat(firstIdAfterMigration(h2(), 40)).isEqualTo(65);
        assertThat(firstIdAfterMigration(h2(), 64)).isEqualTo(65);
        assertThat(firstIdAfterMigration(h2(), 0)).isEqualTo(1);
    }

    @Test
    @EnabledIf("io.flowdesk.database.MySqlDatabaseTest#serverReachableOrRequired")
    void firstIdsAfterExistingTicketsOnMySql() throws SQLException {
        assertThat(firstIdAfterMigration(MySqlDatabaseTest.recreate("flowdesk_migration_test"), 40)).isEqualTo(65);
        assertThat(firstIdAfterMigration(MySqlDatabaseTest.recreate("flowdesk_migration_test"), 65)).isEqualTo(97);
        assertThat(firstIdAfterMigration(MySqlDatabaseTest.recreate("flowdesk_migration_test"), 0)).isEqualTo(1);
    }

    @Test
    void blockNumbersFollowEachOther() {
        assertThat(TicketIds.firstIdOf(1)).isEqualTo(1);
        assertThat(TicketIds.firstIdOf(2)).isEqualTo(1 + TicketIds.BLOCK);
        assertThat(TicketIds.firstBlockAbove(0)).isEqualTo(1);
        assertThat(TicketIds.firstBlockAbove(1)).isEqualTo(2);
        assertThat(TicketIds.firstBlockAbove(TicketIds.BLOCK)).isEqualTo(2);
        assertThat(TicketIds.firstBlockAbove(TicketIds.BLOCK + 1)).isEqualTo(3);
    }

    private static String h2() {
        return "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** Tickets 1..maxId stored before V5, then migrated: the first id of the first block reserved. */
    private static long firstIdAfterMigration(String url, int maxId) throws SQLException {
        String user = url.startsWith("jdbc:h2") ? "sa" : MySqlDatabaseTest.USER;
        String password = url.startsWith("jdbc:h2") ? "" : MySqlDatabaseTest.PASSWORD;
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("4")
                .javaMigrations(new CustomFieldsInTicketRow()).load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            for (int id = 1; id <= maxId; id++) {
                statement.execute("insert into ticket (id, version, ticket_type, subject, channel, customer_tier,"
                        + " priority, status, created_at, updated_at) values (" + id + ", 0, 'inquiry', 'subject " + id
                        + "', 'web', 'standard', 'normal', 'new', current_timestamp, current_timestamp)");
            }
        }

        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .javaMigrations(new CustomFieldsInTicketRow(), new TicketIdBlocks()).load().migrate();

        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement reserve = connection.prepareStatement(
                     "insert into ticket_id_block (reserved_at) values (current_timestamp)",
                     Statement.RETURN_GENERATED_KEYS)) {
            reserve.executeUpdate();
            try (ResultSet key = reserve.getGeneratedKeys()) {
                assertThat(key.next()).isTrue();
                long firstId = TicketIds.firstIdOf(key.getLong(1));
                assertThat(firstId).isGreaterThan(maxId);
                return firstId;
            }
        }
    }
}
