package io.flowdesk.ticket.lifecycle;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine REST answers every exception from a process start with 500. When the cause is a ticket variable that
 * fails validation, the caller sent bad input: this mapper answers 400 with Camunda's usual error body instead,
 * and leaves every other error to Camunda's own handler.
 */
@Priority(Priorities.USER - 100)
class EngineRestValidationErrors implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camundaHandler = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        Response response = camundaHandler.toResponse(exception);
        if (causedByInvalidTicketVariables(exception)) {
            return Response.fromResponse(response).status(Response.Status.BAD_REQUEST).build();
        }
        return response;
    }

    private static boolean causedByInvalidTicketVariables(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidTicketVariablesException) {
                return true;
            }
        }
        return false;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ResourceConfigCustomizer ticketValidationErrorsForEngineRest() {
            return config -> config.register(EngineRestValidationErrors.class);
        }
    }
}
