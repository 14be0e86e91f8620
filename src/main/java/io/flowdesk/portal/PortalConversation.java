package io.flowdesk.portal;

import io.flowdesk.attachment.NewAttachment;
import io.flowdesk.attachment.TicketAttachments;
import io.flowdesk.common.Problems;
import io.flowdesk.portal.PortalRequests.Rating;
import io.flowdesk.ticket.CustomerMessages;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** What a customer says on their ticket in the portal: an answer (with files), and once it is resolved, a rating. */
@Service
class PortalConversation {

    private static final Logger log = LoggerFactory.getLogger(PortalConversation.class);

    private final TicketUpdates updates;
    private final CustomerMessages customerMessages;
    private final TicketAttachments attachments;

    PortalConversation(TicketUpdates updates, CustomerMessages customerMessages, TicketAttachments attachments) {
        this.updates = updates;
        this.customerMessages = customerMessages;
        this.attachments = attachments;
    }

    /**
     * The customer's answer, as a customer message in the timeline, with its files, moving on a flow that waits for
     * the customer ({@link CustomerMessages}); a closed ticket takes none (409: the customer submits a new request).
     * The one place the portal records a customer message.
     */
    @Transactional
    void answer(Ticket ticket, String body, List<NewAttachment> files) {
        if (Ticket.CLOSED.equals(ticket.getStatus())) {
            throw Problems.of(HttpStatus.CONFLICT, "Ticket closed",
                    "Ticket " + ticket.getNumber() + " is closed; submit a new request");
        }
        String customer = CustomerActor.of(ticket.getCustomer().getEmail());
        files.forEach(file -> attachments.add(ticket.getNumber(), file, PortalSubmissions.PORTAL.userId(), customer));
        customerMessages.receive(ticket.getNumber(), body.strip(), customer);
        log.debug("{} answered in the portal with {} files", ticket.getNumber(), files.size());
    }

    /** Once, when the ticket is resolved or closed; else 409 ({@link TicketUpdates#rateSatisfaction}). */
    @Transactional
    void rate(Ticket ticket, Rating rating) {
        String comment = rating.comment() == null || rating.comment().isBlank() ? null : rating.comment().strip();
        updates.rateSatisfaction(ticket.getNumber(), rating.score(), comment,
                CustomerActor.of(ticket.getCustomer().getEmail()));
    }
}
