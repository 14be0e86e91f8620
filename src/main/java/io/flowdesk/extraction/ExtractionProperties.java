package io.flowdesk.extraction;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is recognised in a new ticket's subject and description ({@code flowdesk.extraction.fields}): custom field
 * name → regular expression (Java syntax); the first match's first group (or the whole match) becomes the field's
 * value, unless the ticket was given one.
 */
@ConfigurationProperties("flowdesk.extraction")
public record ExtractionProperties(Map<String, String> fields) {

    public ExtractionProperties {
        fields = fields == null ? Map.of() : new LinkedHashMap<>(fields);
    }
}
