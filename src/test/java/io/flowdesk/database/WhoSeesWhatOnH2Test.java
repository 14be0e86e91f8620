package io.flowdesk.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@link WhoSeesWhatTest} on the embedded default, an H2 file database. */
class WhoSeesWhatOnH2Test extends WhoSeesWhatTest {

    @Override
    Map<String, Object> database() {
        try {
            Path directory = Files.createTempDirectory("flowdesk-access");
            return Map.of("spring.datasource.url", "jdbc:h2:file:" + directory.resolve("flowdesk").toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    String[] profiles() {
        return new String[0];
    }
}
