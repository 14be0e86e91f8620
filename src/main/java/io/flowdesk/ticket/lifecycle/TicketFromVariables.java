package io.flowdesk.ticket.lifecycle;

import io.flowdesk.ticket.Channel;
import io.flowdesk.ticket.CreateTicketRequest;
import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.Priority;
import io.flowdesk.tickettype.InvalidTicketFieldsException;
import io.flowdesk.tickettype.TicketTypeCatalog;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a ticket from the variables of a process started straight through the engine (engine REST, a Tasklist
 * start form). It applies the same validation as our REST API; a bad value is an
 * {@link InvalidTicketVariablesException}, which engine REST answers with 400 naming the variable.
 */
@Component
class TicketFromVariables {

    /** Variable names a caller passes; custom fields come as {@code field.<name>}. */
    static final List<String> INTAKE_VARIABLES = List.of("subject", "description", "channel", "priority", "category",
            "customerName", "customerEmail", "customerPhone", "customerTier", "customerRegion");
    static final String FIELD_PREFIX = "field.";

    private final Validator validator;
    /** Lazily: the catalog reads the engine, which this (an engine plugin's part) is built before. */
    private final ObjectProvider<TicketTypeCatalog> ticketTypes;

    TicketFromVariables(Validator validator, ObjectProvider<TicketTypeCatalog> ticketTypes) {
        this.validator = validator;
        this.ticketTypes = ticketTypes;
    }

    CreateTicketRequest read(String type, Map<String, Object> variables) {
        CreateTicketRequest request = new CreateTicketRequest(
                type,
                text(variables, "subject"),
                text(variables, "description"),
                option(variables, "channel", Channel.class),
                option(variables, "priority", Priority.class),
                text(variables, "category"),
                new CustomerDetails(text(variables, "customerName"), text(variables, "customerEmail"),
                        text(variables, "customerPhone"), text(variables, "customerTier"),
                        text(variables, "customerRegion")),
                customFields(variables));
        Set<ConstraintViolation<CreateTicketRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<String> problems = violations.stream()
                    .map(v -> variableName(v.getPropertyPath().toString()) + " " + v.getMessage())
                    .sorted().toList();
            throw new InvalidTicketVariablesException(problems.get(0).split(" ")[0], String.join("; ", problems));
        }
        try {
            ticketTypes.getObject().find(type).ifPresent(declared -> declared.check(request.fields()));
        } catch (InvalidTicketFieldsException e) {
            List<String> problems = e.problems().entrySet().stream()
                    .map(field -> FIELD_PREFIX + field.getKey() + " " + field.getValue()).toList();
            throw new InvalidTicketVariablesException(problems.get(0).split(" ")[0], String.join("; ", problems));
        }
        return request;
    }

    private static String variableName(String propertyPath) {
        return switch (propertyPath) {
            case "customer.name" -> "customerName";
            case "customer.email" -> "customerEmail";
            case "customer.phone" -> "customerPhone";
            case "customer.tier" -> "customerTier";
            case "customer.region" -> "customerRegion";
            default -> propertyPath;
        };
    }

    private static Map<String, String> customFields(Map<String, Object> variables) {
        Map<String, String> fields = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (name.startsWith(FIELD_PREFIX) && value != null) {
                fields.put(name.substring(FIELD_PREFIX.length()), value.toString());
            }
        });
        return fields;
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static <E extends Enum<E>> E option(Map<String, Object> variables, String name, Class<E> type) {
        String value = text(variables, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidTicketVariablesException(name,
                    name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
