package io.flowdesk.portal;

import io.flowdesk.attachment.AttachmentContent;
import io.flowdesk.attachment.TicketAttachments;
import io.flowdesk.common.Problems;
import io.flowdesk.portal.PortalRequests.Lookup;
import io.flowdesk.portal.PortalRequests.Message;
import io.flowdesk.portal.PortalRequests.NewRequest;
import io.flowdesk.portal.PortalRequests.Rating;
import io.flowdesk.portal.PortalViews.AttachmentLimits;
import io.flowdesk.portal.PortalViews.TicketKey;
import io.flowdesk.portal.PortalViews.TicketView;
import io.flowdesk.portal.PortalViews.TypeView;
import io.flowdesk.ticket.Ticket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The portal's JSON API, for customers, without a login: submit a request, follow a ticket by its link's token
 * ({@code k}) or by its number and e-mail address, answer it, rate it, fetch its files. Under {@code /portal/api}
 * rather than {@code /api}, so that everything under {@code /api} still needs an agent's login.
 */
@RestController
@RequestMapping("/portal/api")
class PortalController {

    /** Shown by a browser as what they are; anything else is downloaded as bytes (an HTML file would run here). */
    private static final Set<String> HARMLESS_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "text/plain");

    private final PortalTicketTypes types;
    private final PortalSubmissions submissions;
    private final PortalAccess access;
    private final PortalConversation conversation;
    private final PortalTicketViews views;
    private final PortalUploads uploads;
    private final PortalRateLimits limits;
    private final TicketAttachments attachments;

    PortalController(PortalTicketTypes types, PortalSubmissions submissions, PortalAccess access,
                     PortalConversation conversation, PortalTicketViews views, PortalUploads uploads,
                     PortalRateLimits limits, TicketAttachments attachments) {
        this.types = types;
        this.submissions = submissions;
        this.access = access;
        this.conversation = conversation;
        this.views = views;
        this.uploads = uploads;
        this.limits = limits;
        this.attachments = attachments;
    }

    @GetMapping("/ticket-types")
    List<TypeView> ticketTypes() {
        return types.offered();
    }

    /** What the pages check before they upload: how many files, and how large each. */
    @GetMapping("/attachment-limits")
    AttachmentLimits attachmentLimits() {
        return uploads.limits();
    }

    /** Multipart: the part {@code request} (JSON) and any number of parts {@code files}. */
    @PostMapping(path = "/tickets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TicketKey> submit(@Valid @RequestPart("request") NewRequest request,
                                     @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                     HttpServletRequest http) {
        limits.submission(http);
        return ResponseEntity.status(HttpStatus.CREATED).body(submissions.submit(request, uploads.read(files)));
    }

    @PostMapping("/lookup")
    TicketKey lookup(@Valid @RequestBody Lookup lookup, HttpServletRequest http) {
        limits.lookup(http);
        return access.keyByEmail(lookup.number(), lookup.email());
    }

    @GetMapping("/tickets/{number}")
    TicketView ticket(@PathVariable String number, @RequestParam(name = "k", required = false) String token) {
        return views.of(access.byLink(number, token));
    }

    /** Multipart: the part {@code message} (JSON) and any number of parts {@code files}. The ticket as it is now. */
    @PostMapping(path = "/tickets/{number}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TicketView> answer(@PathVariable String number,
                                      @RequestParam(name = "k", required = false) String token,
                                      @Valid @RequestPart("message") Message message,
                                      @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                      HttpServletRequest http) {
        Ticket ticket = access.byLink(number, token);
        limits.submission(http);
        conversation.answer(ticket, message.body(), uploads.read(files));
        return ResponseEntity.status(HttpStatus.CREATED).body(views.of(access.byLink(number, token)));
    }

    /** The rating, once the ticket is resolved; a second one is 409. The ticket as it is now. */
    @PostMapping("/tickets/{number}/satisfaction")
    ResponseEntity<TicketView> rate(@PathVariable String number,
                                    @RequestParam(name = "k", required = false) String token,
                                    @Valid @RequestBody Rating rating, HttpServletRequest http) {
        Ticket ticket = access.byLink(number, token);
        limits.submission(http);
        conversation.rate(ticket, rating);
        return ResponseEntity.status(HttpStatus.CREATED).body(views.of(access.byLink(number, token)));
    }

    /** Always a download, in a sandbox: a file a customer uploaded never runs as a page of this site. */
    @GetMapping("/tickets/{number}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String number, @PathVariable long id,
                                      @RequestParam(name = "k", required = false) String token,
                                      HttpServletResponse response) {
        Ticket ticket = access.byLink(number, token);
        AttachmentContent file = attachments.content(ticket.getNumber(), id)
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "Attachment not found",
                        "Ticket " + ticket.getNumber() + " has no attachment " + id));
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        MediaType type = HARMLESS_TYPES.contains(file.contentType()) ? MediaType.parseMediaType(file.contentType())
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}
