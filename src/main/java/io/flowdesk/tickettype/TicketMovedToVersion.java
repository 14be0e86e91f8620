package io.flowdesk.tickettype;

/**
 * A ticket's process moved to another version of its type, in the transaction under way (published for the
 * ticket's timeline).
 */
public record TicketMovedToVersion(String ticketNumber, int fromVersion, int toVersion, String actor) {
}
