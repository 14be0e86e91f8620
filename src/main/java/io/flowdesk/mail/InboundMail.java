package io.flowdesk.mail;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;

/** A mail fetched from a mailbox, recorded once by its Message-ID, with what became of it. */
@Entity
@Table(name = "inbound_mail")
class InboundMail {

    /** What a fetched mail did. */
    enum Outcome {
        /** It opened a new ticket. */
        CREATED,
        /** It was added to the ticket it answers. */
        APPENDED,
        /** It could not be read; its raw bytes are kept. */
        FAILED,
        /** A machine sent it (an out-of-office reply, a bounce): recorded, not taken in. */
        IGNORED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String messageId;

    @Column(nullable = false, length = 64)
    private String mailbox;

    @Column(nullable = false)
    private Instant receivedAt;

    @Column(length = 254)
    private String fromAddress;

    @Column
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Outcome outcome;

    @Column(length = 16)
    private String ticketNumber;

    @Column(length = 1000)
    private String detail;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "longblob")
    private byte[] rawMessage;

    protected InboundMail() {
    }

    private InboundMail(String messageId, String mailbox, Instant receivedAt, String fromAddress, String subject,
                        Outcome outcome) {
        this.messageId = clip(messageId, 255);
        this.mailbox = clip(mailbox, 64);
        this.receivedAt = receivedAt;
        this.fromAddress = clip(fromAddress, 254);
        this.subject = clip(subject, 255);
        this.outcome = outcome;
    }

    /** A mail read, before it has found its ticket. */
    static InboundMail read(ParsedMail mail, String mailbox, Instant receivedAt) {
        return new InboundMail(mail.messageId(), mailbox, receivedAt, mail.fromAddress(), mail.subject(),
                Outcome.CREATED);
    }

    /** A mail that could not be read (or taken in), kept as it came. */
    static InboundMail failed(String messageId, String mailbox, Instant receivedAt, byte[] raw, String why) {
        InboundMail mail = new InboundMail(messageId, mailbox, receivedAt, null, null, Outcome.FAILED);
        mail.rawMessage = raw;
        mail.detail = clip(why, 1000);
        return mail;
    }

    void became(Outcome outcome, String ticketNumber, String detail) {
        this.outcome = outcome;
        this.ticketNumber = ticketNumber;
        this.detail = clip(detail, 1000);
    }

    Long getId() {
        return id;
    }

    String getMessageId() {
        return messageId;
    }

    String getMailbox() {
        return mailbox;
    }

    Instant getReceivedAt() {
        return receivedAt;
    }

    String getFromAddress() {
        return fromAddress;
    }

    String getSubject() {
        return subject;
    }

    Outcome getOutcome() {
        return outcome;
    }

    String getTicketNumber() {
        return ticketNumber;
    }

    String getDetail() {
        return detail;
    }

    byte[] getRawMessage() {
        return rawMessage;
    }

    static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
