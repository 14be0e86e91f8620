package io.flowdesk.attachment;

/** A file to keep with a ticket: its name as the sender gave it, its media type and its bytes. */
public record NewAttachment(String fileName, String contentType, byte[] content) {

    private static final int MAX_NAME = 255;

    public NewAttachment {
        fileName = fileName == null || fileName.isBlank() ? "attachment" : clip(fileName.strip());
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream"
                : clip(contentType.strip().toLowerCase()).split(";")[0].strip();
        content = content == null ? new byte[0] : content;
    }

    private static String clip(String value) {
        return value.length() <= MAX_NAME ? value : value.substring(0, MAX_NAME);
    }
}
