package io.flowdesk.attachment;

import io.flowdesk.attachment.TicketAttachments.AttachmentFile;
import io.flowdesk.common.Problems;
import io.flowdesk.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A ticket's files: listed and downloaded by whoever may read the ticket, added by whoever works on it. A download is
 * always an attachment (never shown inline), so a file a customer sent cannot run as a page of the desk.
 */
@RestController
@RequestMapping("/api/tickets/{number}/attachments")
class AttachmentController {

    private final ViewerAttachments attachments;
    private final CurrentUser currentUser;

    AttachmentController(ViewerAttachments attachments, CurrentUser currentUser) {
        this.attachments = attachments;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<AttachmentView> list(@PathVariable String number) {
        return attachments.list(number, currentUser.viewer());
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable long id) {
        AttachmentFile file = attachments.file(number, id, currentUser.viewer());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.view().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    /** An agent adds a file (multipart field {@code file}). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> upload(@PathVariable String number, @RequestParam("file") MultipartFile file) {
        if (file.isEmpty()) {
            throw Problems.badField("file", "must not be empty");
        }
        AttachmentView added = attachments.add(number, new NewAttachment(file.getOriginalFilename(),
                file.getContentType(), bytes(file)), currentUser.viewer());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(added.id()).toUri()).body(added);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
