package io.flowdesk.common;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A main migration written in Java where SQL would differ between H2 and MySQL: a Spring bean, which Flyway runs in
 * version order with the SQL ones of {@code db/migration}, in their transaction, with no checksum.
 */
public abstract class VersionedJavaMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    protected VersionedJavaMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    /** Whether the migration runs on H2 (else MySQL or MariaDB), where their SQL differs. */
    protected static boolean isH2(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    }
}
