package io.flowdesk.database;

import org.junit.jupiter.api.condition.EnabledIf;

import java.sql.SQLException;
import java.util.Map;

/** {@link WhoSeesWhatTest} on the production profile against MySQL / MariaDB (see {@link MySqlDatabaseTest}). */
@EnabledIf("io.flowdesk.database.MySqlDatabaseTest#serverReachableOrRequired")
class WhoSeesWhatOnMySqlTest extends WhoSeesWhatTest {

    @Override
    Map<String, Object> database() {
        try {
            return Map.of(
                    "spring.datasource.url", MySqlDatabaseTest.recreate("flowdesk_access_test"),
                    "spring.datasource.username", MySqlDatabaseTest.USER,
                    "spring.datasource.password", MySqlDatabaseTest.PASSWORD,
                    "camunda.bpm.admin-user.password", MySqlDatabaseTest.ADMIN_PASSWORD,
                    "flowdesk.demo.enabled", true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    String[] profiles() {
        return new String[] {"mysql"};
    }
}
