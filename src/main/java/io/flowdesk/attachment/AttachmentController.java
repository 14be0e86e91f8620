package io.flowdesk.attachment;

import io.flowdesk.attachment.TicketAttachments.AttachmentFile;
import io.flowdesk.common.Problems;
import io.flowdesk.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Attachments", description = "A ticket's files: a mail's attachments and what agents add")
class AttachmentController {

    private final ViewerAttachments attachments;
    private final CurrentUser currentUser;

    AttachmentController(ViewerAttachments attachments, CurrentUser currentUser) {
        this.attachments = attachments;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(operationId = "listTicketAttachments", summary = "List a ticket's files",
            description = "The files that came with the ticket (a mail's attachments, uploads), oldest first, without"
                    + " their bytes; for whoever may read the ticket.")
    @ApiResponse(responseCode = "200", description = "The files", useReturnTypeSchema = true)
    List<AttachmentView> list(@PathVariable String number) {
        return attachments.list(number, currentUser.viewer());
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(operationId = "downloadTicketAttachment", summary = "Download a ticket's file",
            description = "The file's bytes, always as an attachment (Content-Disposition names the file), never shown"
                    + " inline.")
    @ApiResponse(responseCode = "200", description = "The file", content = @Content(
            mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary")),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename*=UTF-8''…",
                    required = true, schema = @Schema(type = "string")))
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
    @Operation(operationId = "addTicketAttachment", summary = "Add a file to a ticket",
            description = "Multipart field file, up to 10 MB; by an agent of a department that holds or held the"
                    + " ticket.")
    @ApiResponse(responseCode = "201", description = "Added: the file as the list shows it", useReturnTypeSchema = true,
            headers = @Header(name = "Location", description = "The file's URL", required = true,
                    schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "403", description = "The caller may read the ticket but not work on it")
    @ApiResponse(responseCode = "413", description = "The file is larger than 10 MB")
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
