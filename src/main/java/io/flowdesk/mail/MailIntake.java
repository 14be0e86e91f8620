package io.flowdesk.mail;

import io.flowdesk.attachment.NewAttachment;
import io.flowdesk.attachment.TicketAttachments;
import io.flowdesk.mail.MailProperties.Mailbox;
import io.flowdesk.mail.MailThreading.Referral;
import io.flowdesk.security.Roles;
import io.flowdesk.security.Viewer;
import io.flowdesk.ticket.Channel;
import io.flowdesk.ticket.CreateTicketRequest;
import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.CustomerMessages;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketEventType;
import io.flowdesk.ticket.TicketService;
import io.flowdesk.ticket.TicketUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Takes in one fetched mail: a new ticket, or a customer message on the ticket it answers, with its attachments,
 * recorded by its Message-ID in the same transaction, so the same mail fetched twice (or by two nodes at once) makes
 * one ticket or one entry. A mail that cannot be read or taken in is kept as it came and reported
 * ({@link InboundMail.Outcome#FAILED}); the caller then marks it read, so it is never tried again.
 */
@Service
class MailIntake {

    /** Who opens tickets from mail, as the ticket features see it: a system. */
    static final Viewer MAIL = new Viewer("mail", List.of(Roles.INTEGRATIONS));

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
    private static final Pattern MESSAGE_ID_HEADER = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\r\\n]+>)");
    private static final int SUBJECT_LENGTH = 200;
    private static final int DESCRIPTION_LENGTH = 10_000;
    private static final int NAME_LENGTH = 100;
    private static final int ACTOR_LENGTH = 64;

    private final MailParser parser;
    private final InboundMailRepository mails;
    private final MailParticipantRepository participants;
    private final MailThreading threading;
    private final TicketService tickets;
    private final TicketUpdates updates;
    private final CustomerMessages customerMessages;
    private final TicketAttachments attachments;
    private final MailProperties properties;
    private final TransactionTemplate inTransaction;
    private final Clock clock;

    MailIntake(MailParser parser, InboundMailRepository mails, MailParticipantRepository participants,
               MailThreading threading, TicketService tickets, TicketUpdates updates,
               CustomerMessages customerMessages, TicketAttachments attachments, MailProperties properties,
               PlatformTransactionManager transactions, Clock clock) {
        this.parser = parser;
        this.mails = mails;
        this.participants = participants;
        this.threading = threading;
        this.tickets = tickets;
        this.updates = updates;
        this.customerMessages = customerMessages;
        this.attachments = attachments;
        this.properties = properties;
        this.inTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What became of a fetched mail, and the ticket it went to. */
    record Intake(Result result, String ticketNumber) {

        enum Result { CREATED, APPENDED, DUPLICATE, FAILED, IGNORED }
    }

    /** Takes in the mail's raw bytes as fetched from the mailbox. */
    Intake receive(Mailbox mailbox, byte[] raw) {
        ParsedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (UnreadableMailException e) {
            return failed(mailbox, messageIdIn(raw), raw, "unreadable mail: " + e.getMessage());
        }
        if (mails.existsByMessageId(mail.messageId())) {
            return new Intake(Intake.Result.DUPLICATE, null);
        }
        try {
            return inTransaction.execute(status -> take(mailbox, mail));
        } catch (DataIntegrityViolationException e) {
            if (mails.existsByMessageId(mail.messageId())) {
                return new Intake(Intake.Result.DUPLICATE, null); // another node took it in at the same time
            }
            return failed(mailbox, mail.messageId(), raw, e.getMostSpecificCause().getMessage());
        } catch (RuntimeException e) {
            log.warn("Mail {} from {} in mailbox {} not taken in: {}", mail.messageId(), mail.fromAddress(),
                    mailbox.name(), e.toString());
            return failed(mailbox, mail.messageId(), raw, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private Intake take(Mailbox mailbox, ParsedMail mail) {
        InboundMail record = mails.saveAndFlush(InboundMail.read(mail, mailbox.name(), clock.instant()));
        Optional<Referral> referral = threading.referralOf(mail);
        if (mail.automatic() != null) {
            String number = referral.map(found -> found.ticket().getNumber()).orElse(null);
            record.became(InboundMail.Outcome.IGNORED, number, "sent by a machine (" + mail.automatic() + ")");
            return new Intake(Intake.Result.IGNORED, number);
        }
        if (referral.isPresent() && takesReplies(referral.get().ticket())
                && threading.mayWrite(referral.get().ticket(), mail.fromAddress())) {
            String number = referral.get().ticket().getNumber();
            customerMessages.receive(number, messageText(mail), actor(mail));
            keepWith(number, mail);
            record.became(InboundMail.Outcome.APPENDED, number, "threaded by " + referral.get().how());
            return new Intake(Intake.Result.APPENDED, number);
        }
        String number = tickets.create(newTicket(mailbox, mail), MAIL).number();
        referral.ifPresent(found -> relate(number, found.ticket(), mail));
        keepWith(number, mail);
        record.became(InboundMail.Outcome.CREATED, number, referral.map(found -> "refers to "
                + found.ticket().getNumber() + " by " + found.how()).orElse(null));
        return new Intake(Intake.Result.CREATED, number);
    }

    private static boolean takesReplies(Ticket ticket) {
        return !Ticket.CLOSED.equals(ticket.getStatus());
    }

    /** The new ticket says why the mail did not go to the ticket it referred to, and that one says where it went. */
    private void relate(String number, Ticket referred, ParsedMail mail) {
        String why = takesReplies(referred)
                ? "mail from " + mail.fromAddress() + ", who is not on " + referred.getNumber()
                + ", referred to it: opened as a new ticket"
                : "follow-up of " + referred.getNumber() + ", which is closed";
        updates.note(number, TicketEventType.RELATED_TICKET, MAIL.userId(), why);
        if (!takesReplies(referred)) {
            updates.note(referred.getNumber(), TicketEventType.RELATED_TICKET, MAIL.userId(),
                    "the customer wrote again after closing: follow-up " + number);
        }
    }

    /** The mail's attachments and the addresses it copied go with the ticket. */
    private void keepWith(String number, ParsedMail mail) {
        long limit = properties.maxAttachmentSize().toBytes();
        for (NewAttachment file : mail.attachments()) {
            if (file.content().length > limit) {
                updates.note(number, TicketEventType.ATTACHMENT_REFUSED, actor(mail), file.fileName() + " ("
                        + file.content().length + " bytes) is larger than " + properties.maxAttachmentSize());
            } else {
                attachments.add(number, file, mail.messageId(), mail.fromAddress());
            }
        }
        for (String address : mail.copied()) {
            if (!participants.existsByTicketNumberAndAddress(number, address)) {
                participants.save(new MailParticipant(number, address));
            }
        }
    }

    private static CreateTicketRequest newTicket(Mailbox mailbox, ParsedMail mail) {
        String subject = mail.subject().isBlank() ? "（无主题 No subject）" : clip(mail.subject(), SUBJECT_LENGTH);
        return new CreateTicketRequest(mailbox.ticketType(), subject, clip(messageText(mail), DESCRIPTION_LENGTH),
                Channel.email, null, null,
                new CustomerDetails(clip(mail.fromName(), NAME_LENGTH), mail.fromAddress(), null, null, null),
                null);
    }

    /** The mail's words; for a mail of attachments only, their names. */
    private static String messageText(ParsedMail mail) {
        if (!mail.text().isBlank()) {
            return mail.text();
        }
        return mail.attachments().isEmpty() ? "（空邮件 Empty mail）" : "（附件 Attachments: "
                + mail.attachments().stream().map(NewAttachment::fileName).collect(Collectors.joining(", ")) + "）";
    }

    private static String actor(ParsedMail mail) {
        return clip(mail.fromAddress(), ACTOR_LENGTH);
    }

    /** Keeps the mail as it came, for an administrator; a second fetch of it finds it kept. */
    private Intake failed(Mailbox mailbox, String messageId, byte[] raw, String why) {
        log.warn("Mail {} in mailbox {} kept as failed: {}", messageId, mailbox.name(), why);
        try {
            inTransaction.executeWithoutResult(status -> mails.saveAndFlush(
                    InboundMail.failed(messageId, mailbox.name(), clock.instant(), raw, why)));
        } catch (DataIntegrityViolationException e) {
            return new Intake(Intake.Result.DUPLICATE, null);
        }
        return new Intake(Intake.Result.FAILED, null);
    }

    /** The Message-ID of a mail that cannot be read, from its header if it has one, else a digest of its bytes. */
    static String messageIdIn(byte[] raw) {
        String head = new String(raw, 0, Math.min(raw.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        Matcher header = MESSAGE_ID_HEADER.matcher(head);
        return header.find() ? header.group(1) : MailParser.digestId(raw);
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
