package io.flowdesk.common;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A migration of the engine's rows written in Java by the feature that needs it, run once, in version order with
 * those of {@code db/engine}, after the engine has built its schema ({@link EngineSchemaMigrations}). Not a Flyway
 * {@code JavaMigration} bean itself: Spring Boot would run those with the main migrations, before the engine's
 * tables exist.
 */
public interface EngineMigration {

    /** The version in {@code flyway_engine_history}, after those of {@code db/engine}'s SQL files. */
    String version();

    String description();

    /** Runs in the migration's transaction, on its connection. */
    void migrate(Connection connection) throws SQLException;
}
