package io.flowdesk.tickettype;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the BPMN, DMN and form files are read from at start-up. The defaults are the {@code processes/} and
 * {@code forms/} folders packed into the application; point them at {@code file:} folders to deploy models an
 * analyst edits outside the build.
 */
@ConfigurationProperties("flowdesk.models")
public record ModelsProperties(
        @DefaultValue({"classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form"})
        String[] locations,
        @DefaultValue("flowdesk-models") String deploymentName) {
}
