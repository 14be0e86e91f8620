package io.flowdesk.mail;

import io.flowdesk.mail.MailProperties.Outbound;
import io.flowdesk.mail.MailTemplates.Rendered;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the mails a customer gets about their ticket from the templates, in the customer's language (Chinese when
 * the ticket's words are, else English, else the configured default), threaded under the mails the customer sent.
 */
@Component
class CustomerMailComposer {

    private static final int MAX_REFERENCES = 10;

    private final MailTemplates templates;
    private final InboundMailRepository mails;
    private final Outbound settings;

    CustomerMailComposer(MailTemplates templates, InboundMailRepository mails, MailProperties properties) {
        this.templates = templates;
        this.mails = mails;
        this.settings = properties.outbound();
    }

    /** What a mail about a ticket says: the ticket, and the reply or links it carries (null where none). */
    record About(String number, String subject, String description, String customerName, String customerEmail,
                 String reply, String link, String surveyLink) {
    }

    CustomerMail compose(CustomerMailKind kind, About ticket) {
        return compose(kind, ticket, newMessageId(ticket.number()));
    }

    /** The mail with a Message-ID made before ({@link #newMessageId}): the outbox knows the mail by it. */
    CustomerMail compose(CustomerMailKind kind, About ticket, String messageId) {
        Map<String, Object> values = new HashMap<>();
        values.put("number", ticket.number());
        values.put("subject", ticket.subject());
        values.put("customerName", ticket.customerName());
        values.put("reply", ticket.reply());
        values.put("link", ticket.link());
        values.put("surveyLink", ticket.surveyLink());
        values.put("desk", settings.deskName());
        Rendered text = templates.render(kind, language(ticket), values);
        List<String> answered = mails.messageIdsOf(ticket.number());
        List<String> references = answered.size() <= MAX_REFERENCES ? answered
                : answered.subList(answered.size() - MAX_REFERENCES, answered.size());
        return new CustomerMail(ticket.number(), kind, settings.from(), ticket.customerEmail(), text.subject(),
                text.body(), messageId, answered.isEmpty() ? null : answered.get(answered.size() - 1),
                List.copyOf(references));
    }

    /** Chinese for a ticket written in Chinese, English for one in Latin letters only, else the default. */
    String language(About ticket) {
        String words = (ticket.subject() == null ? "" : ticket.subject()) + " "
                + (ticket.description() == null ? "" : ticket.description());
        if (words.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return "zh";
        }
        if (words.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)) {
            return "en";
        }
        return settings.defaultLanguage();
    }

    /** A Message-ID of the desk's own for a mail about the ticket: a reply to it finds the ticket. */
    String newMessageId(String number) {
        return "<flowdesk." + number + "." + UUID.randomUUID() + "@" + domainOf(settings.from()) + ">";
    }

    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            return address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        } catch (AddressException | RuntimeException e) {
            return "flowdesk.invalid";
        }
    }
}
