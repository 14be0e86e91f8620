package io.flowdesk.tickettype;

/** A kind of ticket: one deployed BPMN process marked {@code flowdesk.ticketType=true}. */
public record TicketType(String key, String name, String description, int version, String defaultGroup) {
}
