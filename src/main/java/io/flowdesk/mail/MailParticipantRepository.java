package io.flowdesk.mail;

import org.springframework.data.repository.Repository;

interface MailParticipantRepository extends Repository<MailParticipant, Long> {

    MailParticipant save(MailParticipant participant);

    boolean existsByTicketNumberAndAddress(String ticketNumber, String address);
}
