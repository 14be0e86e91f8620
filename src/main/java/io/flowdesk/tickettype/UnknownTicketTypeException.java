package io.flowdesk.tickettype;

import java.util.List;

public class UnknownTicketTypeException extends RuntimeException {

    private final List<String> validTypes;

    public UnknownTicketTypeException(String type, List<String> validTypes) {
        super("Unknown ticket type '" + type + "'; valid types: " + String.join(", ", validTypes));
        this.validTypes = List.copyOf(validTypes);
    }

    public List<String> validTypes() {
        return validTypes;
    }
}
