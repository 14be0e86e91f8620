package io.flowdesk.ticket.lifecycle;

import io.flowdesk.extraction.FieldExtraction;
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

    /** Variable names a caller passes; custom fields come as {@code field.<name>} or {@code field_<name>}. */
    static final List<String> INTAKE_VARIABLES = List.of("subject", "description", "channel", "priority", "category",
            "customerName", "customerEmail", "customerPhone", "customerTier", "customerRegion");
    static final String FIELD_PREFIX = "field.";
    /**
     * The same for a Camunda Form: form-js reads a dot in a field's key as a path into an object (and Tasklist would
     * submit {@code field} as one JSON variable), so a start form names a custom field {@code field_<name>}.
     */
    static final String FORM_FIELD_PREFIX = "field_";

    private final Validator validator;
    /** Lazily: the catalog reads the engine, which this (an engine plugin's part) is built before. */
    private final ObjectProvider<TicketTypeCatalog> ticketTypes;

    private final FieldExtraction extraction;

    TicketFromVariables(Validator validator, ObjectProvider<TicketTypeCatalog> ticketTypes,
                        FieldExtraction extraction) {
        this.validator = validator;
        this.ticketTypes = ticketTypes;
        this.extraction = extraction;
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
            return request.withFields(ticketTypes.getObject().find(type)
                    .map(declared -> extraction.fieldsOf(declared, request.fields(), request.subject(),
                            request.description()))
                    .orElseGet(() -> extraction.withRecognised(request.fields(), request.subject(),
                            request.description())));
        } catch (InvalidTicketFieldsException e) {
            List<String> problems = e.problems().entrySet().stream()
                    .map(field -> variableOfField(variables, field.getKey()) + " " + field.getValue()).toList();
            throw new InvalidTicketVariablesException(problems.get(0).split(" ")[0], String.join("; ", problems));
        }
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

    /** True for a variable that carries a custom field, in either spelling. */
    static boolean isCustomField(String variableName) {
        return variableName.startsWith(FIELD_PREFIX) || variableName.startsWith(FORM_FIELD_PREFIX);
    }

    /** The custom fields given, by field name; an empty value (a form's untouched field) is no value. */
    private static Map<String, String> customFields(Map<String, Object> variables) {
        Map<String, String> fields = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (isCustomField(name) && value != null && !value.toString().isBlank()) {
                String prefix = name.startsWith(FIELD_PREFIX) ? FIELD_PREFIX : FORM_FIELD_PREFIX;
                fields.put(name.substring(prefix.length()), value.toString());
            }
        });
        return fields;
    }

    /** The variable a problem with the field is reported on: the spelling the caller used, else the API's. */
    private static String variableOfField(Map<String, Object> variables, String field) {
        return variables.containsKey(FORM_FIELD_PREFIX + field) ? FORM_FIELD_PREFIX + field : FIELD_PREFIX + field;
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
