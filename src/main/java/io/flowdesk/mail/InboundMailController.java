package io.flowdesk.mail;

import io.flowdesk.common.Problems;
import io.flowdesk.mail.InboundMail.Outcome;
import io.flowdesk.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Mail", description = "The mails taken in from the desk's mailboxes and those sent to customers, for"
        + " administrators")
class InboundMailController {

    private static final String ADMINISTRATORS_ONLY = "Only administrators read the mail log";

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
    @Operation(operationId = "listInboundMails", summary = "Read the mail log",
            description = "The mails taken in, newest first, with what became of each: a new ticket, a customer"
                    + " message on its ticket, a mail a machine sent (ignored) or one that could not be read.")
    @ApiResponse(responseCode = "200", description = "A page of mails", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    @Parameter(in = ParameterIn.QUERY, name = "page", description = "The page, from 0",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(in = ParameterIn.QUERY, name = "size", description = "Mails a page, up to 100 (more counts as 100)",
            schema = @Schema(type = "integer", minimum = "1", defaultValue = "20"))
    InboundMailPage list(@Parameter(description = "Only the mails of this outcome")
                         @RequestParam(required = false) Outcome outcome,
                         @Parameter(hidden = true) @PageableDefault(size = 20) Pageable pageable) {
        requireAdministrator();
        PageRequest page = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        Page<InboundMailEntry> found = (outcome == null ? mails.findAllByOrderByIdDesc(page)
                : mails.findByOutcomeOrderByIdDesc(outcome, page)).map(InboundMailEntry::of);
        return new InboundMailPage(found.getContent(), found.getNumber(), found.getSize(), found.getTotalElements(),
                found.getTotalPages());
    }

    /** The mail as it came (kept for mails that could not be read), as a {@code .eml} file. */
    @GetMapping(path = "/{id}/raw", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Transactional(readOnly = true)
    @Operation(operationId = "downloadRawInboundMail", summary = "Download a mail that could not be read",
            description = "The mail as it came (RFC 5322, a .eml file), kept for the mails that could not be read.")
    @ApiResponse(responseCode = "200", description = "The mail", content = @Content(
            mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
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
        currentUser.administrator(ADMINISTRATORS_ONLY);
    }
}
