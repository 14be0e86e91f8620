package io.flowdesk.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An address copied on a ticket's mails: besides the customer, it may write to the ticket by mail. */
@Entity
@Table(name = "ticket_mail_participant")
class MailParticipant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 16)
    private String ticketNumber;

    @Column(nullable = false, length = 254)
    private String address;

    protected MailParticipant() {
    }

    MailParticipant(String ticketNumber, String address) {
        this.ticketNumber = ticketNumber;
        this.address = address;
    }
}
