package io.flowdesk.database;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile on the MySQL/MariaDB server of {@link MySqlDatabaseTest}: without an administrator password
 * of its own it stops before touching the database and says what to set; with one it starts without the demo users.
 */
@EnabledIf("io.flowdesk.database.MySqlDatabaseTest#serverReachableOrRequired")
class ProductionStartTest {

    private static final String DATABASE = "flowdesk_production_test" + MySqlDatabaseTest.DATABASE_SUFFIX;

    @Test
    void a_start_without_an_administrator_password_stops_before_touching_the_database_and_says_what_to_set()
            throws SQLException {
        String url = MySqlDatabaseTest.recreate(DATABASE);
        // as if FLOWDESK_ADMIN_PASSWORD were not set, also where the shell running the tests has it
        assertThatThrownBy(() -> RunningFlowdesk.start(production(url, Map.of("FLOWDESK_ADMIN_PASSWORD", "")), "mysql"))
                .hasMessageContaining("no administrator password is configured")
                .hasMessageContaining("Set the environment variable FLOWDESK_ADMIN_PASSWORD");
        assertThat(tables()).as("nothing was created in the database").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "demo", "short-pass"})
    void a_start_with_a_demo_or_short_administrator_password_is_refused(String password) throws SQLException {
        String url = MySqlDatabaseTest.recreate(DATABASE);
        assertThatThrownBy(() -> RunningFlowdesk.start(
                production(url, Map.of("camunda.bpm.admin-user.password", password)), "mysql"))
                .hasMessageContaining("FLOWDESK_ADMIN_PASSWORD");
        assertThat(tables()).isEmpty();
    }

    @Test
    void a_start_with_a_password_of_its_own_seeds_no_demo_users() throws SQLException {
        String url = MySqlDatabaseTest.recreate(DATABASE);
        try (RunningFlowdesk flowdesk = RunningFlowdesk.start(
                production(url, Map.of("camunda.bpm.admin-user.password", "production-test-administrator")), "mysql")) {
            assertThat(flowdesk.get("alice", "/api/tickets").status()).as("alice/demo").isEqualTo(401);
            assertThat(ids(flowdesk.get("admin", "/engine-rest/user").body())).containsExactly("admin");
            assertThat(ids(flowdesk.get("admin", "/engine-rest/group").body())).containsExactly("camunda-admin");
        }
    }

    private static Map<String, Object> production(String url, Map<String, String> adminPassword) {
        Map<String, Object> properties = new HashMap<>(adminPassword);
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", MySqlDatabaseTest.USER);
        properties.put("spring.datasource.password", MySqlDatabaseTest.PASSWORD);
        return properties;
    }

    private static List<String> tables() throws SQLException {
        try (Connection connection = DriverManager.getConnection(MySqlDatabaseTest.SERVER + MySqlDatabaseTest.OPTIONS,
                MySqlDatabaseTest.USER, MySqlDatabaseTest.PASSWORD);
             PreparedStatement query = connection.prepareStatement(
                     "select table_name from information_schema.tables where table_schema = ?")) {
            query.setString(1, DATABASE);
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return tables;
        }
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(entry -> ids.add(entry.get("id").asText()));
        return ids;
    }
}
