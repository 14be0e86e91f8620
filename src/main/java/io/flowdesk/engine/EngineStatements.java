package io.flowdesk.engine;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Statements of our own beside the engine's, from a MyBatis mapper file on the class path: they can use Camunda's SQL
 * fragments and its configuration variables (table prefix, limits). Set up in a plugin's {@code postInit}.
 */
public final class EngineStatements {

    private EngineStatements() {
    }

    public static void add(Configuration mybatis, String mapperFile) {
        try (InputStream mapper = EngineStatements.class.getClassLoader().getResourceAsStream(mapperFile)) {
            new XMLMapperBuilder(mapper, mybatis, mapperFile, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
