package io.flowdesk.common;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Our additions to the engine's own tables (indexes Camunda lacks), as Flyway migrations of their own in
 * {@code db/engine}. They run after the engine has created or updated its schema, which our main migrations
 * cannot wait for: those run before the engine exists. Tracked in {@code flyway_engine_history}.
 */
@Component
class EngineSchemaMigrations implements SmartInitializingSingleton {

    private final DataSource dataSource;

    EngineSchemaMigrations(DataSource dataSource, ProcessEngine engineBuiltFirst) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/engine")
                .table("flyway_engine_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
