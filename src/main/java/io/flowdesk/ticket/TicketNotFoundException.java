package io.flowdesk.ticket;

public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(String number) {
        super("No ticket with number " + number);
    }
}
