package io.flowdesk.database;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/** The embedded default: an H2 file database, as `mvn spring-boot:run` uses it. */
class H2FileDatabaseTest extends TicketsOnARealDatabaseTest {

    @TempDir
    Path dataDirectory;

    @Override
    Map<String, Object> database() {
        return Map.of("spring.datasource.url",
                "jdbc:h2:file:" + dataDirectory.resolve("flowdesk").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Override
    String[] profiles() {
        return new String[0];
    }
}
