package io.flowdesk.tickettype;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A custom field a ticket type declares (order number, return reason, refund amount), as its BPMN process declares it
 * in an extension property {@code flowdesk.field.<name>} whose value reads
 * {@code <type>; required; label=<label>}: the type is {@code text} (the default), {@code number}, {@code date}
 * ({@code 2026-12-31}), {@code boolean} or {@code choice:<value>,<value>,…}; {@code required} and the label are
 * optional. For example {@code flowdesk.field.returnReason} =
 * {@code choice:damaged,wrong_item,not_as_described; required; label=退货原因 Return reason}.
 */
public record TicketField(String name, String label, String type, boolean required, List<String> values) {

    public static final String PROPERTY_PREFIX = "flowdesk.field.";
    public static final List<String> TYPES = List.of("text", "number", "date", "boolean", "choice");

    /**
     * The field a property declares.
     *
     * @throws IllegalArgumentException saying what is wrong with the declaration
     */
    public static TicketField declared(String name, String declaration) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("field name '" + name + "' must start with a letter and hold only "
                    + "letters, digits and _ (at most 64)");
        }
        String type = "text";
        List<String> values = List.of();
        boolean required = false;
        String label = name;
        String[] parts = declaration == null ? new String[0] : declaration.split(";");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals("required")) {
                required = true;
            } else if (part.startsWith("label=")) {
                label = part.substring("label=".length()).strip();
            } else if (i == 0 && part.startsWith("choice:")) {
                type = "choice";
                values = Arrays.stream(part.substring("choice:".length()).split(",")).map(String::strip)
                        .filter(value -> !value.isEmpty()).toList();
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("field '" + name + "': choice needs its values, e.g. "
                            + "choice:damaged,wrong_item");
                }
            } else if (i == 0 && TYPES.contains(part)) {
                type = part;
            } else {
                throw new IllegalArgumentException("field '" + name + "': '" + part + "' is neither a type ("
                        + String.join(", ", TYPES) + ", choice:a,b) first, nor 'required', nor 'label=…'");
            }
        }
        return new TicketField(name, label, type, required, values);
    }

    /** What is wrong with this value for the field (null or blank: not given), or null when it is fine. */
    public String problem(String value) {
        if (value == null || value.isBlank()) {
            return required ? "is required for this ticket type (" + label + ")" : null;
        }
        String given = value.strip();
        return switch (type) {
            case "number" -> isNumber(given) ? null : "must be a number";
            case "date" -> isDate(given) ? null : "must be a date such as 2026-12-31";
            case "boolean" -> given.equalsIgnoreCase("true") || given.equalsIgnoreCase("false") ? null
                    : "must be true or false";
            case "choice" -> values.contains(given) ? null : "must be one of " + String.join(", ", values);
            default -> null;
        };
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value.replace(",", "").toUpperCase(Locale.ROOT));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
