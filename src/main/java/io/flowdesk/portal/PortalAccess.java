package io.flowdesk.portal;

import io.flowdesk.common.Problems;
import io.flowdesk.portal.PortalViews.TicketKey;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketUpdates;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.util.Locale;

/**
 * Who may follow a ticket in the portal: whoever holds its link's token, or knows its number and the e-mail address
 * of its customer. Anything else, a ticket that does not exist included, answers the same 404, so that the portal
 * tells nobody which numbers exist.
 */
@Component
class PortalAccess {

    private final TicketUpdates tickets;
    private final PortalTokens tokens;

    PortalAccess(TicketUpdates tickets, PortalTokens tokens) {
        this.tickets = tickets;
        this.tokens = tokens;
    }

    Ticket byLink(String number, String token) {
        String normalized = normalized(number);
        if (!tokens.matches(normalized, token)) {
            throw notFound(normalized);
        }
        return tickets.find(normalized).orElseThrow(() -> notFound(normalized));
    }

    /** The ticket's number and the token of its link, for whoever knows its customer's e-mail address. */
    TicketKey keyByEmail(String number, String email) {
        String normalized = normalized(number);
        String given = email == null ? "" : email.strip();
        Ticket ticket = tickets.find(normalized)
                .filter(found -> found.getCustomer() != null && given.equalsIgnoreCase(found.getCustomer().getEmail()))
                .orElseThrow(() -> notFound(normalized));
        return new TicketKey(ticket.getNumber(), tokens.tokenFor(ticket.getNumber()));
    }

    /** As a customer may type it: {@code tk-000123 } is {@code TK-000123}. */
    private static String normalized(String number) {
        return number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
    }

    private static ErrorResponseException notFound(String number) {
        return Problems.of(HttpStatus.NOT_FOUND, "Ticket not found",
                "No ticket " + number + " for this link or e-mail address");
    }
}
