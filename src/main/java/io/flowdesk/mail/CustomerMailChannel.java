package io.flowdesk.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowdesk.outbox.Delivery;
import io.flowdesk.outbox.OutboxChannel;
import io.flowdesk.outbox.OutboxMessage;
import jakarta.mail.SendFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's mails to customers over SMTP. A server that is away or refuses for now is a failed attempt,
 * retried with back-off (the customer's later mails wait behind it); an address the server refuses outright is
 * dropped, since no retry would change that.
 */
@Component
class CustomerMailChannel implements OutboxChannel {

    static final String NAME = "customer-mail";

    private final CustomerMailSender smtp;
    private final ObjectMapper json;

    CustomerMailChannel(CustomerMailSender smtp, ObjectMapper json) {
        this.smtp = smtp;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        CustomerMail mail;
        try {
            mail = json.readValue(message.payload(), CustomerMail.class);
        } catch (JsonProcessingException e) {
            return Delivery.dropped("unreadable mail in the outbox: " + e.getOriginalMessage());
        }
        try {
            smtp.send(mail);
            return Delivery.delivered();
        } catch (MailSendException e) {
            return refusedAddress(e) ? Delivery.dropped("the server refuses " + mail.to() + ": " + e.getMessage())
                    : Delivery.failed(e.getMessage());
        } catch (MailException | IllegalStateException e) {
            return Delivery.failed(e.getMessage());
        }
    }

    private static boolean refusedAddress(MailSendException e) {
        return e.getFailedMessages().values().stream().anyMatch(cause -> cause instanceof SendFailedException failed
                && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0
                && (failed.getValidSentAddresses() == null || failed.getValidSentAddresses().length == 0)
                && (failed.getValidUnsentAddresses() == null || failed.getValidUnsentAddresses().length == 0));
    }
}
