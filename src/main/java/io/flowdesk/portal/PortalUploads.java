package io.flowdesk.portal;

import io.flowdesk.attachment.NewAttachment;
import io.flowdesk.common.Problems;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a customer attaches, checked before anything is stored: at most {@code flowdesk.portal.max-attachments}
 * of them, none larger than {@code max-attachment-size}; a refusal names the field ({@code files}, {@code files[1]}).
 * Larger requests than the container takes at all ({@code spring.servlet.multipart.*}) are refused with 413 before
 * they get here.
 */
@Component
class PortalUploads {

    private final PortalProperties properties;

    PortalUploads(PortalProperties properties) {
        this.properties = properties;
    }

    PortalViews.AttachmentLimits limits() {
        return new PortalViews.AttachmentLimits(properties.maxAttachments(), properties.maxAttachmentSize().toBytes());
    }

    List<NewAttachment> read(List<MultipartFile> files) {
        List<MultipartFile> given = files == null ? List.of()
                : files.stream().filter(file -> !file.isEmpty() || hasName(file)).toList();
        if (given.size() > properties.maxAttachments()) {
            throw Problems.badField("files", "at most " + properties.maxAttachments() + " files");
        }
        List<NewAttachment> read = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            MultipartFile file = given.get(i);
            if (file.getSize() > properties.maxAttachmentSize().toBytes()) {
                throw Problems.badField("files[" + i + "]", nameOf(file) + " is larger than "
                        + readable(properties.maxAttachmentSize()));
            }
            read.add(new NewAttachment(nameOf(file), file.getContentType(), bytesOf(file)));
        }
        return read;
    }

    /** 5MB, 512KB: as the setting is usually written (DataSize says 5242880B). */
    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + "MB";
        }
        return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + "KB" : bytes + "B";
    }

    private static boolean hasName(MultipartFile file) {
        return file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
    }

    /** The name without any folder a browser may have put before it. */
    private static String nameOf(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    private static byte[] bytesOf(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload " + file.getOriginalFilename(), e);
        }
    }
}
