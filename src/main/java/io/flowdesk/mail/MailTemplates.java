package io.flowdesk.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of the mails to customers: Mustache templates {@code <name>.<zh|en>.txt}, the first line
 * {@code Subject: …}, a blank line, then the body. Shipped in {@code mail-templates/} of the application; a file of
 * the same name in the folder {@code flowdesk.mail.outbound.templates} replaces it, read afresh when it changes (no
 * restart, no build). Plain text: nothing is HTML-escaped, and a subject is one line.
 */
@Component
class MailTemplates {

    private static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false).defaultValue("");

    private final Path overrides;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    MailTemplates(MailProperties properties) {
        this.overrides = properties.outbound().templates();
    }

    /** A mail's subject and text. */
    record Rendered(String subject, String body) {
    }

    Rendered render(CustomerMailKind kind, String language, Map<String, Object> values) {
        String text = template(kind.template() + "." + language + ".txt").execute(values);
        String normalized = text.replace("\r\n", "\n");
        int endOfSubject = normalized.indexOf('\n');
        String firstLine = endOfSubject < 0 ? normalized : normalized.substring(0, endOfSubject);
        if (!firstLine.startsWith("Subject:")) {
            throw new IllegalStateException("mail template " + kind.template() + "." + language
                    + " must start with a 'Subject:' line");
        }
        String subject = firstLine.substring("Subject:".length()).replaceAll("[\\r\\n]+", " ").strip();
        String body = endOfSubject < 0 ? "" : normalized.substring(endOfSubject + 1).strip()
                .replaceAll("\n{3,}", "\n\n");
        return new Rendered(subject, body + "\n");
    }

    private Template template(String name) {
        Path override = overrides.resolve(name);
        long modified = lastModified(override);
        Compiled cached = compiled.get(name);
        if (cached != null && cached.modified() == modified) {
            return cached.template();
        }
        Template template = MUSTACHE.compile(modified >= 0 ? read(override) : shipped(name));
        compiled.put(name, new Compiled(template, modified));
        return template;
    }

    private record Compiled(Template template, long modified) {
    }

    private static long lastModified(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shipped(String name) {
        try (InputStream in = new ClassPathResource("mail-templates/" + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no mail template " + name, e);
        }
    }
}
