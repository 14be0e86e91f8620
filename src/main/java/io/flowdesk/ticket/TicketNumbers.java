package io.flowdesk.ticket;

/** Ticket numbers read like TK-000123: short enough to say on the phone, unique because ids are. */
final class TicketNumbers {

    private TicketNumbers() {
    }

    static String format(long id) {
        return String.format("TK-%06d", id);
    }
}
