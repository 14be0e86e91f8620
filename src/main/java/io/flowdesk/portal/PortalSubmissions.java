package io.flowdesk.portal;

import io.flowdesk.attachment.NewAttachment;
import io.flowdesk.attachment.TicketAttachments;
import io.flowdesk.portal.PortalRequests.NewRequest;
import io.flowdesk.portal.PortalViews.TicketKey;
import io.flowdesk.security.Roles;
import io.flowdesk.security.Viewer;
import io.flowdesk.ticket.Channel;
import io.flowdesk.ticket.CreateTicketRequest;
import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * A customer's new request: a ticket of an offered type (channel {@code web}), opened as the system {@code portal},
 * with its files, in one transaction: stored whole or not at all.
 */
@Service
class PortalSubmissions {

    /** Who opens tickets from the portal, as the ticket features see it: a system. */
    static final Viewer PORTAL = new Viewer("portal", List.of(Roles.INTEGRATIONS));

    private static final Logger log = LoggerFactory.getLogger(PortalSubmissions.class);

    private final PortalTicketTypes types;
    private final TicketService tickets;
    private final TicketAttachments attachments;
    private final PortalTokens tokens;

    PortalSubmissions(PortalTicketTypes types, TicketService tickets, TicketAttachments attachments,
                      PortalTokens tokens) {
        this.types = types;
        this.tickets = tickets;
        this.attachments = attachments;
        this.tokens = tokens;
    }

    @Transactional
    TicketKey submit(NewRequest request, List<NewAttachment> files) {
        types.offered(request.type());
        String number = tickets.create(ticketOf(request), PORTAL).number();
        String customer = CustomerActor.of(request.contact().email());
        files.forEach(file -> attachments.add(number, file, PORTAL.userId(), customer));
        log.debug("{} submitted in the portal with {} files", number, files.size());
        return new TicketKey(number, tokens.tokenFor(number));
    }

    private static CreateTicketRequest ticketOf(NewRequest request) {
        return new CreateTicketRequest(request.type(), request.subject(), request.description(), Channel.web, null,
                null, new CustomerDetails(request.contact().name(), request.contact().email().strip(),
                request.contact().phone(), null, null), request.fields());
    }
}
