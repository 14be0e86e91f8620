package io.flowdesk.database;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile against a real MySQL 8 / MariaDB 10.11 server (never a mock). The database
 * {@code flowdesk_test} (plus {@code FLOWDESK_TEST_DB_SUFFIX}, if set) is dropped and created anew for each run. Skipped only when no server answers; CI sets
 * {@code FLOWDESK_REQUIRE_MYSQL=true}, which turns a missing server into a failure instead.
 */
@EnabledIf("serverReachableOrRequired")
public class MySqlDatabaseTest extends TicketsOnARealDatabaseTest {

    static final String SERVER = env("FLOWDESK_TEST_DB_SERVER", "jdbc:mysql://127.0.0.1:3306/");
    public static final String USER = env("FLOWDESK_TEST_DB_USER", "root");
    public static final String PASSWORD = env("FLOWDESK_TEST_DB_PASSWORD", "");
    /** Lets two checkouts run their tests against one server at once, each in databases of its own. */
    static final String DATABASE_SUFFIX = env("FLOWDESK_TEST_DB_SUFFIX", "");
    static final String DATABASE = "flowdesk_test" + DATABASE_SUFFIX;
    /** The administrator's password on the production profile's starts: not a demo password, long enough. */
    static final String ADMIN_PASSWORD = "mysql-test-administrator";
    static final String OPTIONS = "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&characterEncoding=UTF-8&useSSL=false"
            + "&allowPublicKeyRetrieval=true&connectTimeout=3000";

    @BeforeAll
    static void freshDatabase() throws SQLException {
        recreate(DATABASE);
    }

    /** Drops the database on the server if it is there and creates it empty, in utf8mb4; its JDBC URL. */
    public static String recreate(String name) throws SQLException {
        String database = name.endsWith(DATABASE_SUFFIX) ? name : name + DATABASE_SUFFIX;
        try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        return SERVER + database + OPTIONS;
    }

    @Test
    void the_grant_index_by_resource_covers_a_permission_check_and_the_redundant_group_index_is_gone() {
        try (RunningFlowdesk flowdesk = RunningFlowdesk.start(database(), profiles())) {
            String columns = "select group_concat(column_name order by seq_in_index) from information_schema.statistics"
                    + " where table_schema = database() and upper(table_name) = 'ACT_RU_AUTHORIZATION'"
                    + " and upper(index_name) = ?";
            assertThat(flowdesk.jdbc().queryForObject(columns, String.class, "ACT_IDX_AUTH_RESOURCE_ID"))
                    .isEqualToIgnoringCase("RESOURCE_ID_,RESOURCE_TYPE_,TYPE_,GROUP_ID_,USER_ID_,PERMS_");
            assertThat(flowdesk.jdbc().queryForObject(columns, String.class, "ACT_IDX_AUTH_GROUP_ID")).isNull();
        }
    }

    /** A production start: an administrator password of its own, and the demo users asked for. */
    @Override
    Map<String, Object> database() {
        return Map.of(
                "spring.datasource.url", SERVER + DATABASE + OPTIONS,
                "spring.datasource.username", USER,
                "spring.datasource.password", PASSWORD,
                "camunda.bpm.admin-user.password", ADMIN_PASSWORD,
                "flowdesk.demo.enabled", true);
    }

    @Override
    String[] profiles() {
        return new String[] {"mysql"};
    }

    public static boolean serverReachableOrRequired() {
        if (Boolean.parseBoolean(System.getenv("FLOWDESK_REQUIRE_MYSQL"))) {
            return true;
        }
        try (Connection ignored = DriverManager.getConnection(SERVER + OPTIONS, USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
