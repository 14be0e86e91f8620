package io.flowdesk.mail;

import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketUpdates;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ticket a mail answers, the way users of other desks wish theirs did: first by the mails it answers
 * ({@code In-Reply-To}, then {@code References}: a mail of the ticket the desk took in, or one the desk sent, whose
 * Message-ID names the ticket), then by a ticket number in its subject (a client that dropped the headers). Whether
 * the sender may write to that ticket is {@link #mayWrite}'s to say.
 */
@Component
class MailThreading {

    /** A ticket number in a subject: {@code Re: [TK-000123] 打印机无法连接}. */
    private static final Pattern NUMBER_IN_SUBJECT = Pattern.compile("(?<![A-Za-z0-9-])(TK-\\d{6,})(?![0-9])");
    /** The Message-ID of a mail the desk sends about a ticket: {@code <flowdesk.TK-000123.<unique>@host>}. */
    private static final Pattern NUMBER_IN_OWN_MESSAGE_ID = Pattern.compile("^<flowdesk\\.(TK-\\d{6,})\\.");

    private final InboundMailRepository mails;
    private final MailParticipantRepository participants;
    private final TicketUpdates tickets;

    MailThreading(InboundMailRepository mails, MailParticipantRepository participants, TicketUpdates tickets) {
        this.mails = mails;
        this.participants = participants;
        this.tickets = tickets;
    }

    /** A ticket the mail refers to, and how it was found. */
    record Referral(Ticket ticket, String how) {
    }

    Optional<Referral> referralOf(ParsedMail mail) {
        return byHeaders(mail.replyTo()).or(() -> bySubject(mail.subject()));
    }

    /** The customer, and an address copied on the ticket's mails, may write to it. */
    boolean mayWrite(Ticket ticket, String address) {
        String customer = ticket.getCustomer() == null ? null : ticket.getCustomer().getEmail();
        return address.equalsIgnoreCase(customer)
                || participants.existsByTicketNumberAndAddress(ticket.getNumber(), address);
    }

    private Optional<Referral> byHeaders(List<String> replyTo) {
        if (replyTo.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> known = new HashMap<>();
        for (Object[] row : mails.ticketsOf(replyTo)) {
            known.put((String) row[0], (String) row[1]);
        }
        for (String messageId : replyTo) {
            String number = known.get(messageId);
            if (number == null) {
                Matcher own = NUMBER_IN_OWN_MESSAGE_ID.matcher(messageId);
                number = own.find() ? own.group(1) : null;
            }
            Optional<Ticket> ticket = number == null ? Optional.empty() : tickets.find(number);
            if (ticket.isPresent()) {
                return Optional.of(new Referral(ticket.get(), "In-Reply-To/References " + messageId));
            }
        }
        return Optional.empty();
    }

    private Optional<Referral> bySubject(String subject) {
        Matcher number = NUMBER_IN_SUBJECT.matcher(subject);
        while (number.find()) {
            Optional<Ticket> ticket = tickets.find(number.group(1));
            if (ticket.isPresent()) {
                return Optional.of(new Referral(ticket.get(), "subject"));
            }
        }
        return Optional.empty();
    }
}
