package io.flowdesk.attachment;

/** A kept file with its bytes, for a download: its name as it came, its media type and its content. */
public record AttachmentContent(String fileName, String contentType, byte[] content) {
}
