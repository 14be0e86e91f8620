package io.flowdesk.tickettype;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of ticket: one deployed BPMN process marked {@code flowdesk.ticketType=true}, with the custom fields it
 * declares ({@link TicketField}).
 */
public record TicketType(String key, String name, String description, int version, String defaultGroup,
                         List<TicketField> fields, @JsonIgnore String processDefinitionId) {

    public TicketType {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /**
     * Checks the custom fields a new ticket of this type comes with against those the type declares; fields the type
     * does not declare pass as they are (systems send what they have).
     *
     * @throws InvalidTicketFieldsException naming every field that is missing or wrong
     */
    public void check(Map<String, String> given) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (TicketField field : fields) {
            String problem = field.problem(given.get(field.name()));
            if (problem != null) {
                problems.put(field.name(), problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTicketFieldsException(key, problems);
        }
    }
}
