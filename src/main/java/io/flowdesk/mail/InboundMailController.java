package io.flowdesk.mail;

import io.flowdesk.common.Problems;
import io.flowdesk.mail.InboundMail.Outcome;
import io.flowdesk.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The mail log for administrators: every mail taken in, newest first, with what became of it; the mails that could
 * not be read ({@code ?outcome=FAILED}) with their raw message for download.
 */
@RestController
@RequestMapping("/api/mail/inbound")
class InboundMailController {

    private final InboundMailRepository mails;
    private final CurrentUser currentUser;

    InboundMailController(InboundMailRepository mails, CurrentUser currentUser) {
        this.mails = mails;
        this.currentUser = currentUser;
    }

    /** A mail as the log lists it. */
    record InboundMailEntry(long id, String messageId, String mailbox, Instant receivedAt, String from,
                            String subject, Outcome outcome, String ticketNumber, String detail) {

        static InboundMailEntry of(InboundMail mail) {
            return new InboundMailEntry(mail.getId(), mail.getMessageId(), mail.getMailbox(), mail.getReceivedAt(),
                    mail.getFromAddress(), mail.getSubject(), mail.getOutcome(), mail.getTicketNumber(),
                    mail.getDetail());
        }
    }

    record InboundMailPage(List<InboundMailEntry> items, int page, int size, long totalItems, int totalPages) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    InboundMailPage list(@RequestParam(required = false) Outcome outcome,
                         @PageableDefault(size = 20) Pageable pageable) {
        requireAdministrator();
        PageRequest page = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        Page<InboundMailEntry> found = (outcome == null ? mails.findAllByOrderByIdDesc(page)
                : mails.findByOutcomeOrderByIdDesc(outcome, page)).map(InboundMailEntry::of);
        return new InboundMailPage(found.getContent(), found.getNumber(), found.getSize(), found.getTotalElements(),
                found.getTotalPages());
    }

    /** The mail as it came (kept for mails that could not be read), as a {@code .eml} file. */
    @GetMapping("/{id}/raw")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> raw(@PathVariable long id) {
        requireAdministrator();
        InboundMail mail = mails.findById(id).filter(found -> found.getRawMessage() != null)
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "Raw mail not found",
                        "No mail " + id + " kept as it came (only mails that could not be read are)"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("mail-" + id + ".eml").build().toString())
                .body(mail.getRawMessage());
    }

    private void requireAdministrator() {
        if (!currentUser.viewer().isAdministrator()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed", "Only administrators read the mail log");
        }
    }
}
