package io.flowdesk.attachment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Keeps the files that come with a ticket, in the database beside it (backed up and restored with it). */
@Service
public class TicketAttachments {

    private final AttachmentRepository attachments;
    private final Clock clock;

    TicketAttachments(AttachmentRepository attachments, Clock clock) {
        this.attachments = attachments;
        this.clock = clock;
    }

    /** Stores the file with the ticket, in the caller's transaction; its id. */
    @Transactional
    public Long add(String ticketNumber, NewAttachment file, String source, String uploadedBy) {
        return attachments.save(new Attachment(ticketNumber, file, source, uploadedBy, clock.instant())).getId();
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> listOf(String ticketNumber) {
        return attachments.listOf(ticketNumber);
    }

    /** One of the ticket's files with its bytes, if the ticket has one of that id. */
    @Transactional(readOnly = true)
    public Optional<AttachmentFile> file(String ticketNumber, long id) {
        return attachments.findByIdAndTicketNumber(id, ticketNumber).map(found -> new AttachmentFile(
                new AttachmentView(found.getId(), found.getFileName(), found.getContentType(), found.getSizeBytes(),
                        found.getUploadedBy(), found.getUploadedAt()), found.getContent()));
    }

    /** A file as it is downloaded: what the list shows of it, and its bytes. */
    public record AttachmentFile(AttachmentView view, byte[] content) {
    }

    /** The file with its bytes, if it is one of the ticket's. */
    @Transactional(readOnly = true)
    public Optional<AttachmentContent> content(String ticketNumber, long id) {
        return attachments.findByIdAndTicketNumber(id, ticketNumber)
                .map(file -> new AttachmentContent(file.getFileName(), file.getContentType(), file.getContent()));
    }
}
