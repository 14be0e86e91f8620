package io.flowdesk.ticket;

import java.util.Optional;

/** Ticket numbers read like TK-000123: short enough to say on the phone, unique because ids are. */
final class TicketNumbers {


    private TicketNumbers() {
    }

    private static final String PREFIX = "TK-";

    /** TK- and the id, zero-padded to six digits (String.format costs more than the rest of a lookup). */
    static String format(long id) {
        String digits = Long.toString(id);
        return digits.length() >= 6 ? PREFIX + digits : PREFIX + "000000".substring(digits.length()) + digits;
    }

    /** The id a ticket number was made from, if it is one of ours. */
    static Optional<Long> idOf(String number) {
        if (number == null || !number.startsWith(PREFIX) || number.length() > 20) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(number.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
