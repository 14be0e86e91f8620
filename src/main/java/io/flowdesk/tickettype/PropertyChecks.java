package io.flowdesk.tickettype;

import io.flowdesk.common.BpmnProperties;
import io.flowdesk.tickettype.BpmnElements.Property;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code flowdesk.*} extension properties of a process and its elements: a name Flowdesk does not know (a typo
 * is silently ignored otherwise) or a value outside the allowed ones is an error; a property on an element where
 * nothing reads it, and a ticket type without a default group, are warnings.
 */
final class PropertyChecks {

    private PropertyChecks() {
    }

    static List<ConventionFinding> check(Element process, boolean ticketType) {
        List<ConventionFinding> findings = new ArrayList<>();
        checkElement(process, findings);
        BpmnElements.allFlowElements(process).forEach(element -> checkElement(element, findings));
        if (ticketType && BpmnElements.properties(process).stream()
                .noneMatch(property -> BpmnProperties.DEFAULT_GROUP.equals(property.name()))) {
            findings.add(ConventionFinding.warning(process, "ticket type without " + BpmnProperties.DEFAULT_GROUP
                    + "; its tickets start in the group '" + BpmnProperties.FALLBACK_GROUP
                    + "' until routing moves them. Set the property on the process if another group is meant"));
        }
        return findings;
    }

    private static void checkElement(Element element, List<ConventionFinding> findings) {
        for (Property property : BpmnElements.properties(element)) {
            // case-blind, so that "Flowdesk.Status" is reported rather than ignored like any other property
            if (property.name() == null
                    || !property.name().toLowerCase(Locale.ROOT).startsWith(FlowdeskProperty.PREFIX)) {
                continue;
            }
            Optional<FlowdeskProperty> known = FlowdeskProperty.named(property.name());
            if (property.name().startsWith(TicketField.PROPERTY_PREFIX)) {
                checkField(element, property, findings);
            } else if (known.isPresent()) {
                checkValue(element, known.get(), property.value(), findings);
            } else {
                findings.add(ConventionFinding.error(element, unknownName(property.name())));
            }
        }
    }

    private static void checkValue(Element element, FlowdeskProperty property, String value,
                                   List<ConventionFinding> findings) {
        if (!property.allows(value)) {
            String written = value == null || value.isBlank() ? "has no value" : "'" + value + "' is not allowed";
            findings.add(ConventionFinding.error(element, property.propertyName() + " " + written + "; "
                    + property.fix()));
        } else if (!property.isReadOn(element.getTagName())) {
            findings.add(ConventionFinding.warning(element, property.propertyName() + " does nothing on a "
                    + BpmnElements.kind(element) + "; it is read on " + property.readOn()));
        }
    }

    /** {@code flowdesk.field.<name>}: a custom field of the type, declared as {@link TicketField} reads it. */
    private static void checkField(Element element, Property property, List<ConventionFinding> findings) {
        try {
            TicketField.declared(property.name().substring(TicketField.PROPERTY_PREFIX.length()), property.value());
        } catch (IllegalArgumentException wrongDeclaration) {
            findings.add(ConventionFinding.error(element, property.name() + ": " + wrongDeclaration.getMessage()));
            return;
        }
        if (!BpmnElements.is(element, "process")) {
            findings.add(ConventionFinding.warning(element, property.name() + " does nothing on a "
                    + BpmnElements.kind(element) + "; custom fields are read on the process"));
        }
    }

    private static String unknownName(String name) {
        String closest = FlowdeskProperty.names().stream()
                .min(Comparator.comparingInt(known -> distance(known.toLowerCase(Locale.ROOT),
                        name.toLowerCase(Locale.ROOT))))
                .orElseThrow();
        boolean typo = distance(closest.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)) <= 3;
        return "unknown property '" + name + "'" + (typo ? "; did you mean " + closest + "? Known are " : "; known are ")
                + String.join(", ", FlowdeskProperty.names()) + " and " + TicketField.PROPERTY_PREFIX + "<name>";
    }

    /** Edit distance, to name the property an analyst probably meant. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
