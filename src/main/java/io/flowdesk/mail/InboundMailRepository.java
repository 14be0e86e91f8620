package io.flowdesk.mail;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface InboundMailRepository extends Repository<InboundMail, Long> {

    InboundMail saveAndFlush(InboundMail mail);

    boolean existsByMessageId(String messageId);

    Optional<InboundMail> findById(Long id);

    /** The tickets of the mails with these Message-IDs (a reply's In-Reply-To and References). */
    @Query("select m.messageId, m.ticketNumber from InboundMail m where m.messageId in :messageIds"
            + " and m.ticketNumber is not null")
    List<Object[]> ticketsOf(Collection<String> messageIds);

    /** The Message-IDs of the mails taken in on a ticket, oldest first: what the desk's mails answer. */
    @Query("select m.messageId from InboundMail m where m.ticketNumber = :ticketNumber"
            + " and m.outcome <> io.flowdesk.mail.InboundMail.Outcome.FAILED order by m.id")
    List<String> messageIdsOf(String ticketNumber);

    Page<InboundMail> findByOutcomeOrderByIdDesc(InboundMail.Outcome outcome, Pageable page);

    Page<InboundMail> findAllByOrderByIdDesc(Pageable page);
}
