package io.flowdesk.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowdesk.mail.CustomerMailComposer.About;
import io.flowdesk.outbox.NewMessage;
import io.flowdesk.outbox.Outbox;
import io.flowdesk.portal.PortalLinks;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketChangeListener;
import io.flowdesk.ticket.TicketChanged;
import io.flowdesk.ticket.TicketEvent;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The changes of a ticket its customer hears of by mail: the acknowledgement when it opens, every public reply, and
 * the status changes that matter to them (we need your input, resolved, closed). Each goes into the outbox in the
 * change's transaction and is sent after it commits ({@link CustomerMailChannel}): sending never blocks or rolls back
 * the ticket, a failed send is retried and listed for administrators, and a customer's mails go in order. Each
 * carries the customer's signed link to follow the ticket in the portal; the resolved and closed mails carry the
 * satisfaction survey's, whichever type's flow reached that status (no flow draws the survey itself). Off until
 * {@code flowdesk.mail.outbound.from} and SMTP ({@code spring.mail.host}) are set; a ticket without a customer
 * address gets no mail.
 */
@Component
class TicketChangesToCustomerMail implements TicketChangeListener {

    private final MailProperties properties;
    private final CustomerMailSender smtp;
    private final CustomerMailComposer composer;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final PortalLinks links;

    TicketChangesToCustomerMail(MailProperties properties, CustomerMailSender smtp, CustomerMailComposer composer,
                                Outbox outbox, ObjectMapper json, PortalLinks links) {
        this.properties = properties;
        this.smtp = smtp;
        this.composer = composer;
        this.outbox = outbox;
        this.json = json;
        this.links = links;
    }

    @Override
    public void on(TicketChanged change) {
        if (!properties.outbound().isOn()) {
            return;
        }
        Ticket ticket = change.ticket();
        String address = ticket.getCustomer() == null ? null : ticket.getCustomer().getEmail();
        Optional<CustomerMailKind> kind = kindOf(change.entry());
        if (address == null || kind.isEmpty() || !smtp.isConfigured()) {
            return;
        }
        String messageId = composer.newMessageId(ticket.getNumber());
        String reply = kind.get() == CustomerMailKind.REPLY ? change.entry().getBody() : null;
        outbox.add(new NewMessage(CustomerMailChannel.NAME, address, ticket.getNumber(), kind.get().template(),
                messageId, () -> payload(kind.get(), ticket, address, reply, messageId)));
    }

    /** The mail a timeline entry means for the customer, if any. */
    static Optional<CustomerMailKind> kindOf(TicketEvent entry) {
        return switch (entry.getType()) {
            case CREATED -> Optional.of(CustomerMailKind.ACKNOWLEDGEMENT);
            case PUBLIC_REPLY -> Optional.of(CustomerMailKind.REPLY);
            case STATUS_CHANGED -> switch (entry.getTo() == null ? "" : entry.getTo()) {
                case "pending_customer" -> Optional.of(CustomerMailKind.PENDING_CUSTOMER);
                case Ticket.RESOLVED -> Optional.of(CustomerMailKind.RESOLVED);
                case Ticket.CLOSED -> Optional.of(CustomerMailKind.CLOSED);
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }

    /** The mail as the outbox keeps it, composed when the change commits (the ticket as the change left it). */
    private String payload(CustomerMailKind kind, Ticket ticket, String address, String reply, String messageId) {
        boolean done = kind == CustomerMailKind.RESOLVED || kind == CustomerMailKind.CLOSED;
        CustomerMail mail = composer.compose(kind, new About(ticket.getNumber(), ticket.getSubject(),
                ticket.getDescription(), ticket.getCustomer().getName(), address, reply,
                links.ticketLink(ticket.getNumber()), done && ticket.getSatisfaction() == null
                ? links.surveyLink(ticket.getNumber()) : null), messageId);
        try {
            return json.writeValueAsString(mail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
