package io.flowdesk.common;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;

/**
 * Our additions to the engine's own tables (indexes Camunda lacks), as Flyway migrations of their own in
 * {@code db/engine}, and changes to the engine's rows written in Java by the features that need them
 * ({@link EngineMigration} beans). They run after the engine has created or updated its schema, which our main
 * migrations cannot wait for: those run before the engine exists. Tracked in {@code flyway_engine_history}.
 */
@Component
class EngineSchemaMigrations implements SmartInitializingSingleton {

    private final DataSource dataSource;
    private final List<EngineMigration> javaMigrations;

    EngineSchemaMigrations(DataSource dataSource, ProcessEngine engineBuiltFirst, List<EngineMigration> javaMigrations) {
        this.dataSource = dataSource;
        this.javaMigrations = javaMigrations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/engine")
                .table("flyway_engine_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .javaMigrations(javaMigrations.stream().map(EngineSchemaMigrations::asFlyway)
                        .toArray(JavaMigration[]::new))
                .load()
                .migrate();
    }

    private static JavaMigration asFlyway(EngineMigration migration) {
        return new VersionedJavaMigration(migration.version(), migration.description()) {
            @Override
            public void migrate(Context context) throws Exception {
                migration.migrate(context.getConnection());
            }
        };
    }
}
