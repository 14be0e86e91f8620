package io.flowdesk.attachment;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A file that came with a ticket: kept as it arrived, never changed. */
@Entity
@Immutable
@Table(name = "ticket_attachment")
class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 16)
    private String ticketNumber;

    @Column(nullable = false)
    private String fileName;

    @Column(nullable = false, length = 127)
    private String contentType;

    @Column(nullable = false)
    private long sizeBytes;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, columnDefinition = "longblob")
    private byte[] content;

    /** Where it came from, e.g. the Message-ID of the mail that carried it. */
    @Column
    private String source;

    @Column(nullable = false, length = 254)
    private String uploadedBy;

    @Column(nullable = false)
    private Instant uploadedAt;

    protected Attachment() {
    }

    Attachment(String ticketNumber, NewAttachment file, String source, String uploadedBy, Instant uploadedAt) {
        this.ticketNumber = ticketNumber;
        this.fileName = file.fileName();
        this.contentType = file.contentType();
        this.sizeBytes = file.content().length;
        this.content = file.content();
        this.source = source;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    Long getId() {
        return id;
    }

    String getTicketNumber() {
        return ticketNumber;
    }

    String getFileName() {
        return fileName;
    }

    String getContentType() {
        return contentType;
    }

    long getSizeBytes() {
        return sizeBytes;
    }

    byte[] getContent() {
        return content;
    }

    String getUploadedBy() {
        return uploadedBy;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }
}
