package io.flowdesk.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ticket's custom fields (order number, product model, ...) as the ticket row keeps them: one JSON object of text
 * values in its {@code custom_fields} column, in the order they came. They are set when the ticket is opened and read
 * with the ticket, so they ride in its row: no second table to insert into per ticket or to read per view.
 */
final class CustomFields {

    /**
     * Room for what a request may carry (50 fields, names up to 64 and values up to 1,000 characters) with JSON's
     * escapes: a MEDIUMTEXT on MySQL and MariaDB (TEXT's 64 KB could not hold 50 long Chinese values).
     */
    static final int MAX_LENGTH = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private CustomFields() {
    }

    /** The column's value: null for none. */
    static String write(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("custom fields cannot be written as JSON", e);
        }
    }

    /** The fields in the order they were given; empty for none. */
    static Map<String, String> read(String column) {
        if (column == null || column.isEmpty()) {
            return Map.of();
        }
        try {
            return Collections.unmodifiableMap(JSON.readValue(column, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("custom_fields is not a JSON object of texts: " + column, e);
        }
    }
}
