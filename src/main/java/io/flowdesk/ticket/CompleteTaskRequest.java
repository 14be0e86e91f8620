package io.flowdesk.ticket;

import io.flowdesk.common.Problems;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * What an agent fills in when completing a task: the form's fields as process variables, such as
 * {@code {"variables": {"publicReply": "…", "accepted": true}}}. A {@code publicReply} or {@code internalNote} goes to
 * the ticket's timeline, as from Tasklist.
 */
public record CompleteTaskRequest(@Size(max = 50) Map<@NotBlank @Size(max = 255) String, Object> variables) {

    /** The variables as the engine takes them: JSON strings, numbers, booleans and nulls; anything else is refused. */
    Map<String, Object> engineVariables() {
        if (variables == null) {
            return Map.of();
        }
        variables.forEach((name, value) -> {
            if (!isPlainValue(value)) {
                throw Problems.badField("variables." + name, "must be a string, a number, true, false or null");
            }
        });
        return variables;
    }

    /** What Jackson reads a JSON scalar as; a big integer or an object would be stored as a serialized Java object. */
    private static boolean isPlainValue(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double;
    }
}
