package io.flowdesk.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Jackson {@link ObjectMapper} for the whole engine REST API ({@code /engine-rest}), configured exactly as
 * Camunda's {@link JacksonConfigurator} configures it.
 * <p>
 * Camunda's resolver builds a new mapper every time it is asked, which is at least twice per request (the
 * resource reads it, and the JSON provider asks again to write the answer), so every answer was written by a
 * mapper with empty serializer caches that introspected the DTO classes afresh. Jackson's mappers are
 * thread-safe once configured and meant to be shared. Ours is ranked before Camunda's, which Jersey then never
 * reaches for these media types.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/hal+json"})
@Priority(Priorities.USER - 100)
class EngineRestObjectMapper extends JacksonConfigurator {

    private volatile ObjectMapper mapper;

    @Override
    public ObjectMapper getContext(Class<?> type) {
        ObjectMapper shared = mapper;
        if (shared == null) {
            // built on first use, after the starter has set JacksonConfigurator's date format
            synchronized (this) {
                shared = mapper;
                if (shared == null) {
                    shared = configureObjectMapper(new ObjectMapper());
                    mapper = shared;
                }
            }
        }
        return shared;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ResourceConfigCustomizer sharedObjectMapperForEngineRest() {
            return config -> config.register(new EngineRestObjectMapper());
        }
    }
}
