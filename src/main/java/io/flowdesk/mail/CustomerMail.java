package io.flowdesk.mail;

import java.util.List;

/**
 * A mail to a ticket's customer, composed and ready to send (and to send again, the same, after a failure).
 *
 * @param messageId  its own Message-ID, {@code <flowdesk.TK-000123.…@…>}: a reply to it finds the ticket
 * @param inReplyTo  the customer's latest mail on the ticket, if any
 * @param references the customer's mails on the ticket, oldest first, so mail clients keep one conversation
 */
record CustomerMail(String ticketNumber, CustomerMailKind kind, String from, String to, String subject, String body,
                    String messageId, String inReplyTo, List<String> references) {
}
