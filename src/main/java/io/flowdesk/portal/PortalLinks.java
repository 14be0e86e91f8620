package io.flowdesk.portal;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The portal's links for mails to customers: the ticket's page ({@code /portal/t/TK-000123?k=…}), where the customer
 * follows and answers it, and its survey ({@code /portal/t/TK-000123/rate?k=…}), the same page opened at the rating.
 * Absolute, from {@code flowdesk.portal.public-url}; whoever holds one reads the ticket as its customer.
 */
@Component
public class PortalLinks {

    private final PortalProperties properties;
    private final PortalTokens tokens;

    PortalLinks(PortalProperties properties, PortalTokens tokens) {
        this.properties = properties;
        this.tokens = tokens;
    }

    /** The link to the ticket's page, for the acknowledgement mail and replies. */
    public String ticketLink(String ticketNumber) {
        return link(ticketNumber, "/portal/t/{number}");
    }

    /** The link to rate the resolved ticket, for the mail that asks the customer how it went. */
    public String surveyLink(String ticketNumber) {
        return link(ticketNumber, "/portal/t/{number}/rate");
    }

    private String link(String ticketNumber, String path) {
        return UriComponentsBuilder.fromUri(properties.publicUrl()).path(path)
                .queryParam("k", tokens.tokenFor(ticketNumber))
                .buildAndExpand(ticketNumber).encode().toUriString();
    }
}
