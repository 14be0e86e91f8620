package io.flowdesk.tickettype;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A kind of ticket: one deployed BPMN process marked {@code flowdesk.ticketType=true}. */
public record TicketType(String key, String name, String description, int version, String defaultGroup,
                         @JsonIgnore String processDefinitionId) {
}
