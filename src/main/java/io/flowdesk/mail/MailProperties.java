package io.flowdesk.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * E-mail in ({@code flowdesk.mail.*}): the mailboxes polled for new tickets and replies, how often, and the largest
 * attachment kept. Off while no mailbox is configured.
 *
 * @param mailboxes         the mailboxes to poll, each opening tickets of its own type
 * @param pollInterval      the pause between two polls of a mailbox
 * @param maxAttachmentSize a larger attachment is not stored; the ticket's timeline says so
 */
@ConfigurationProperties("flowdesk.mail")
public record MailProperties(List<Mailbox> mailboxes, Duration pollInterval, DataSize maxAttachmentSize,
                             Outbound outbound) {

    public MailProperties {
        mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        maxAttachmentSize = maxAttachmentSize == null ? DataSize.ofMegabytes(10) : maxAttachmentSize;
        outbound = outbound == null ? new Outbound(null, null, null, null) : outbound;
    }

    /**
     * E-mail out: the mails to customers, sent through Spring's {@code spring.mail.*} SMTP settings.
     *
     * @param from               the sender customers see and answer to (the polled mailbox's address); off without
     * @param deskName           the signature under every mail
     * @param templates          a folder whose {@code <name>.<zh|en>.txt} replace the shipped templates, read at
     *                           every send (edit them without a restart)
     * @param defaultLanguage    {@code zh} or {@code en}, for a customer whose words show neither
     */
    public record Outbound(String from, String deskName, Path templates, String defaultLanguage) {

        public Outbound {
            deskName = deskName == null || deskName.isBlank() ? "Flowdesk 客服中心 Customer Service" : deskName;
            templates = templates == null ? Path.of("mail-templates") : templates;
            defaultLanguage = "en".equalsIgnoreCase(defaultLanguage) ? "en" : "zh";
        }

        public boolean isOn() {
            return from != null && !from.isBlank();
        }
    }

    /**
     * One mailbox read over IMAP.
     *
     * @param name       how tickets and the mail log name it (e.g. {@code support})
     * @param protocol   {@code imaps} (TLS, the default) or {@code imap}
     * @param folder     the folder read, {@code INBOX} unless told
     * @param ticketType the type of the tickets its new mails open, {@code inquiry} unless told
     */
    public record Mailbox(String name, String protocol, String host, Integer port, String username, String password,
                          String folder, String ticketType) {

        public Mailbox {
            protocol = protocol == null || protocol.isBlank() ? "imaps" : protocol.strip().toLowerCase();
            folder = folder == null || folder.isBlank() ? "INBOX" : folder;
            ticketType = ticketType == null || ticketType.isBlank() ? "inquiry" : ticketType;
            name = name == null || name.isBlank() ? username : name;
        }

        @Override
        public String toString() {
            return name + " (" + protocol + "://" + username + "@" + host + ":" + port + "/" + folder + ")";
        }
    }
}
