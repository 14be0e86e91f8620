package io.flowdesk.common;

import io.flowdesk.database.MySqlDatabaseTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

import java.sql.SQLException;
import java.util.UUID;

/** Engines of their own for tests of the authorization checks: as Flowdesk configures them, without Spring. */
final class AuthorizedEngines {

    private AuthorizedEngines() {
    }

    /** An in-memory H2 engine named after {@code name}. */
    static StandaloneInMemProcessEngineConfiguration onH2(String name) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000");
        return checked(configuration, name);
    }

    /** An engine on a fresh MySQL / MariaDB database of that name ({@link MySqlDatabaseTest}), named after {@code name}. */
    static StandaloneProcessEngineConfiguration onMySql(String database, String name) throws SQLException {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(MySqlDatabaseTest.recreate(database));
        configuration.setJdbcDriver("com.mysql.cj.jdbc.Driver");
        configuration.setJdbcUsername(MySqlDatabaseTest.USER);
        configuration.setJdbcPassword(MySqlDatabaseTest.PASSWORD);
        configuration.setSkipIsolationLevelCheck(true); // tests of checks, one command at a time
        return name == null ? configuration : checked(configuration, name);
    }

    /** The engine, without history, with Flowdesk's checks ({@link AuthorizationChecks}) and task queries. */
    static ProcessEngine withChecksAndTaskQueries(ProcessEngineConfigurationImpl configuration) {
        return withChecksAndTaskQueries(configuration, "none");
    }

    /** The same, with the history of that level. */
    static ProcessEngine withChecksAndTaskQueries(ProcessEngineConfigurationImpl configuration, String history) {
        configuration.setHistory(history);
        configuration.getProcessEnginePlugins().add(new AuthorizationChecks(InheritedGrants.NONE));
        configuration.getProcessEnginePlugins().add(new TaskQueries());
        return configuration.buildProcessEngine();
    }

    /** Authorization checks on with revokes, a fresh schema, no job executor, a unique name. */
    static <T extends ProcessEngineConfigurationImpl> T checked(T configuration, String name) {
        configuration.setProcessEngineName(name + "-" + UUID.randomUUID());
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(false);
        configuration.setAuthorizationCheckRevokes("always");
        return configuration;
    }
}
