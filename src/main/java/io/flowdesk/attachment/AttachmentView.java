package io.flowdesk.attachment;

import java.time.Instant;

/** An attachment as a ticket lists it: everything but its bytes. */
public record AttachmentView(Long id, String fileName, String contentType, long size, String uploadedBy,
                             Instant uploadedAt) {
}
