package io.flowdesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Sends a composed {@link CustomerMail} over SMTP ({@code spring.mail.*}), with its own Message-ID and the headers
 * that keep the customer's conversation in one thread. Sending the same mail again sends the same Message-ID, so a
 * customer's client shows a retried mail once.
 */
@Component
class CustomerMailSender {

    private final ObjectProvider<JavaMailSender> smtp;

    CustomerMailSender(ObjectProvider<JavaMailSender> smtp) {
        this.smtp = smtp;
    }

    /** True when SMTP is configured ({@code spring.mail.host}). */
    boolean isConfigured() {
        return smtp.getIfAvailable() != null;
    }

    void send(CustomerMail mail) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SMTP server configured (spring.mail.host)");
        }
        try {
            sender.send(message(sender, mail));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write mail " + mail.messageId() + ": " + e.getMessage(), e);
        }
    }

    private static MimeMessage message(JavaMailSender sender, CustomerMail mail) throws MessagingException {
        MimeMessage message = new WithOwnMessageId(sender.createMimeMessage(), mail.messageId());
        message.setFrom(new InternetAddress(mail.from()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to()));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
        }
        if (!mail.references().isEmpty()) {
            message.setHeader("References", String.join(" ", mail.references()));
        }
        if (mail.kind() != CustomerMailKind.REPLY) {
            message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: auto-responders leave it unanswered
        }
        message.setHeader("X-Flowdesk-Ticket", mail.ticketNumber());
        return message;
    }

    /** A message that keeps the Message-ID it was given instead of making one when saved. */
    private static final class WithOwnMessageId extends MimeMessage {

        private final String messageId;

        WithOwnMessageId(MimeMessage template, String messageId) throws MessagingException {
            super((Session) null);
            this.messageId = messageId;
            if (template.getSession() != null) {
                this.session = template.getSession();
            }
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
