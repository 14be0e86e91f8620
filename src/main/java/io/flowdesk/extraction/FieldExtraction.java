package io.flowdesk.extraction;

import io.flowdesk.tickettype.InvalidTicketFieldsException;
import io.flowdesk.tickettype.TicketType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recognises order numbers, phone numbers, e-mail addresses (whatever {@link ExtractionProperties} names) in the
 * words a customer wrote, whatever the channel, so that agents see them as fields and the routing table can use
 * them. Fields the ticket was given are never replaced.
 */
@Component
@EnableConfigurationProperties(ExtractionProperties.class)
public class FieldExtraction {

    private final Map<String, Pattern> patterns = new LinkedHashMap<>();

    FieldExtraction(ExtractionProperties properties) {
        properties.fields().forEach((field, regex) -> {
            try {
                patterns.put(field, Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException("flowdesk.extraction.fields." + field + " is not a regular expression: "
                        + e.getDescription(), e);
            }
        });
    }

    /**
     * The fields of a new ticket of that type: those given, checked as the type declares them, and those recognised
     * in its words, kept where the type accepts them (a recognised value the type would refuse is left out, never
     * the reason a ticket cannot open).
     *
     * @throws InvalidTicketFieldsException for a given field the type refuses, or a required one missing
     */
    public Map<String, String> fieldsOf(TicketType type, Map<String, String> given, String subject,
                                        String description) {
        Map<String, String> fields = withRecognised(given, subject, description);
        try {
            type.check(fields);
            return fields;
        } catch (InvalidTicketFieldsException refused) {
            Map<String, String> accepted = new LinkedHashMap<>(fields);
            refused.problems().keySet().stream().filter(field -> given == null || !given.containsKey(field))
                    .forEach(accepted::remove);
            type.check(accepted);
            return accepted;
        }
    }

    /** The given fields, with those recognised in the subject and description added where not given. */
    public Map<String, String> withRecognised(Map<String, String> given, String subject, String description) {
        if (patterns.isEmpty()) {
            return given == null ? Map.of() : given;
        }
        Map<String, String> fields = given == null ? new LinkedHashMap<>() : new LinkedHashMap<>(given);
        String text = (subject == null ? "" : subject) + "\n" + (description == null ? "" : description);
        patterns.forEach((field, pattern) -> {
            if (!fields.containsKey(field)) {
                Matcher match = pattern.matcher(text);
                if (match.find()) {
                    String value = match.groupCount() > 0 && match.group(1) != null ? match.group(1) : match.group();
                    fields.put(field, value.strip());
                }
            }
        });
        return fields;
    }
}
