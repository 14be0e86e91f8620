package io.flowdesk.mail;

import io.flowdesk.attachment.NewAttachment;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Reads a mail's raw bytes (RFC 5322, MIME) with Jakarta Mail into what a ticket needs: who sent it, what it answers,
 * its text and its attachments. A mail it cannot read is a {@link UnreadableMailException}.
 */
@Component
class MailParser {

    private final Session session = Session.getInstance(new Properties());

    ParsedMail parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            InternetAddress from = sender(message);
            Body body = new Body();
            body.read(message);
            return new ParsedMail(messageId(message, raw), replyTo(message), from.getAddress().toLowerCase(Locale.ROOT),
                    nameOf(from), addresses(message.getRecipients(Message.RecipientType.CC)),
                    subject(message), QuotedText.without(body.text()), body.attachments, automatic(message, from));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableMailException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    e);
        }
    }

    /** Why the mail was sent by a machine (RFC 3834's Auto-Submitted, the de facto headers, a bounce), or null. */
    private static String automatic(MimeMessage message, InternetAddress from) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + autoSubmitted.strip();
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null && List.of("bulk", "junk", "list", "auto_reply")
                .contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return "Precedence: " + precedence.strip();
        }
        for (String header : List.of("X-Autoreply", "X-Autorespond")) {
            if (message.getHeader(header, null) != null) {
                return header;
            }
        }
        String local = from.getAddress().substring(0, from.getAddress().indexOf('@')).toLowerCase(Locale.ROOT);
        if (local.equals("mailer-daemon") || local.equals("postmaster") || message.isMimeType("multipart/report")) {
            return "delivery report from " + from.getAddress();
        }
        return null;
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null || !address.getAddress().contains("@")) {
            throw new UnreadableMailException("no sender address (From)", null);
        }
        return address;
    }

    private static String nameOf(InternetAddress from) {
        String name = from.getPersonal();
        return name != null && !name.isBlank() ? name.strip() : from.getAddress().substring(0,
                from.getAddress().indexOf('@'));
    }

    /** Its own Message-ID; a mail without one gets one from a digest of its bytes, so a second fetch matches. */
    private static String messageId(MimeMessage message, byte[] raw) throws MessagingException {
        String id = message.getMessageID();
        return id != null && !id.isBlank() ? id.strip() : digestId(raw);
    }

    /** A Message-ID made of a digest of the mail's bytes, for a mail without one. */
    static String digestId(byte[] raw) {
        try {
            return "<sha256." + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw))
                    + "@flowdesk.invalid>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In-Reply-To, then References from the newest: the messages this one answers. */
    private static List<String> replyTo(MimeMessage message) throws MessagingException {
        Set<String> ids = new LinkedHashSet<>(idsIn(message.getHeader("In-Reply-To", " ")));
        List<String> references = idsIn(message.getHeader("References", " "));
        for (int i = references.size() - 1; i >= 0; i--) {
            ids.add(references.get(i));
        }
        return List.copyOf(ids);
    }

    private static List<String> idsIn(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        int start = header.indexOf('<');
        while (start >= 0) {
            int end = header.indexOf('>', start);
            if (end < 0) {
                break;
            }
            ids.add(header.substring(start, end + 1));
            start = header.indexOf('<', end);
        }
        return ids;
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> found = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                    found.add(internet.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        }
        return found;
    }

    private static String subject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        return subject == null ? "" : subject.strip();
    }

    /** A mail's text and attachments, gathered from its parts. */
    private static final class Body {

        private final StringBuilder plain = new StringBuilder();
        private final StringBuilder html = new StringBuilder();
        private final List<NewAttachment> attachments = new ArrayList<>();

        void read(Part part) throws MessagingException, IOException {
            if (isAttachment(part)) {
                attachments.add(new NewAttachment(fileName(part), part.getContentType(),
                        part.getInputStream().readAllBytes()));
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    read(child);
                }
            } else if (part.isMimeType("text/plain")) {
                append(plain, text(part));
            } else if (part.isMimeType("text/html")) {
                append(html, text(part));
            } else if (part.isMimeType("message/rfc822")) {
                attachments.add(new NewAttachment("forwarded.eml", "message/rfc822",
                        part.getInputStream().readAllBytes()));
            }
        }

        /** The plain text; where the mail has none, the HTML's text as a browser would show it. */
        String text() {
            if (!plain.isEmpty()) {
                return plain.toString();
            }
            return html.isEmpty() ? "" : Jsoup.parse(html.toString()).wholeText();
        }

        private static boolean isAttachment(Part part) throws MessagingException {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                    || (part.getFileName() != null && !part.isMimeType("multipart/*"));
        }

        private static String fileName(Part part) throws MessagingException {
            String name = part.getFileName();
            if (name == null) {
                return null;
            }
            try {
                return MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                return name;
            }
        }

        private static String text(Part part) throws MessagingException, IOException {
            Object content = part.getContent();
            return content instanceof String text ? text
                    : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        private static void append(StringBuilder text, String more) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(more);
        }
    }
}
