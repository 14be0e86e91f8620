package io.flowdesk.web;

import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Puts {@link EngineRestConflicts} in front of both JAX-RS applications that serve Camunda's engine REST resources:
 * {@code /engine-rest} and the webapps' own engine API ({@code /camunda/api/engine}), which is what Tasklist calls;
 * {@link CockpitProcessCounts} behind Cockpit's API and {@link TaskFormTicketContext} behind Tasklist's form variables.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConflictsRegistration {

    /** {@code /engine-rest} is Spring Boot's Jersey application: customized like any other. */
    @Bean
    ResourceConfigCustomizer conflictsForEngineRest() {
        return config -> EngineRestConflicts.MAPPERS.forEach(config::register);
    }

    /**
     * The webapp starter registers its APIs as Jersey servlets of Camunda's {@code Application} classes, with no hook
     * for providers of one's own, and before or after this application's initializers as the bean order falls, so
     * that the init parameters of its servlets cannot be set reliably. A Jersey servlet started from an
     * {@code Application} class also takes its properties from the servlet context's attributes, among them the
     * documented {@code jersey.config.server.provider.classnames}, when it starts (on its first request): set there,
     * the mappers join the engine API, the one that serves task paths, the counts filter Cockpit's and the
     * ticket context the engine API's form variables. The webapps'
     * other APIs (cockpit, admin, tasklist, welcome) get the mappers too, where they can only meet
     * concurrent-modification conflicts, a 409 there as well; {@code /engine-rest}, built from a configured
     * application, does not read them. A servlet filter rewriting 500s would have had to read Camunda's error bodies
     * to tell a conflict from a failure.
     */
    @Bean
    ServletContextInitializer conflictsForWebappEngineApi() {
        String mappers = Stream.concat(EngineRestConflicts.MAPPERS.stream(), Stream.of(CockpitProcessCounts.class,
                        TaskFormTicketContext.class))
                .map(Class::getName).collect(Collectors.joining(","));
        return servletContext -> {
            Object providers = servletContext.getAttribute(ServerProperties.PROVIDER_CLASSNAMES);
            if (providers != null) {
                throw new IllegalStateException(ServerProperties.PROVIDER_CLASSNAMES + " is set already (" + providers
                        + "): add " + mappers + " to it");
            }
            servletContext.setAttribute(ServerProperties.PROVIDER_CLASSNAMES, mappers);
        };
    }
}
