package io.flowdesk.attachment;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

/** Attachments are added and read; nothing here changes or deletes one. */
interface AttachmentRepository extends Repository<Attachment, Long> {

    Attachment save(Attachment attachment);

    Optional<Attachment> findByIdAndTicketNumber(Long id, String ticketNumber);

    /** A ticket's attachments without their bytes, oldest first. */
    @Query("""
            select new io.flowdesk.attachment.AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes,
                a.uploadedBy, a.uploadedAt)
            from Attachment a where a.ticketNumber = :ticketNumber order by a.id""")
    List<AttachmentView> listOf(String ticketNumber);
}
