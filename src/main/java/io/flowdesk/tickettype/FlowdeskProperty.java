package io.flowdesk.tickettype;

import io.flowdesk.common.BpmnProperties;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code flowdesk.*} extension properties analysts set in Modeler: their values, and the elements on which
 * Flowdesk's parse listeners read them (elsewhere they do nothing).
 */
enum FlowdeskProperty {

    TICKET_TYPE(BpmnProperties.TICKET_TYPE, List.of("true"), Where.PROCESS,
            "leave the property out for a process that is no ticket type"),
    DEFAULT_GROUP(BpmnProperties.DEFAULT_GROUP, List.of(), Where.PROCESS,
            "name the group (department) new tickets of this type go to, e.g. support"),
    STATUS(BpmnProperties.STATUS, TicketTypeConvention.STATUSES, Where.STATUS, null),
    SLA_MET(BpmnProperties.SLA_MET, TicketTypeConvention.SLA_TARGETS, Where.SLA, null),
    SLA_PAUSE(BpmnProperties.SLA_PAUSE, TicketTypeConvention.SLA_TARGETS, Where.SLA, null),
    SLA_RESTART(BpmnProperties.SLA_RESTART, TicketTypeConvention.SLA_TARGETS, Where.SLA, null),
    ASSIGNMENT(TicketTypeConvention.ASSIGNMENT, TicketTypeConvention.ASSIGNMENTS, Where.USER_TASK,
            "leave the property out to assign the task by workload");

    static final String PREFIX = "flowdesk.";

    private final String propertyName;
    /** Empty: any value that is not blank. */
    private final List<String> values;
    private final Where where;
    private final String hint;

    FlowdeskProperty(String propertyName, List<String> values, Where where, String hint) {
        this.propertyName = propertyName;
        this.values = values;
        this.where = where;
        this.hint = hint;
    }

    static Optional<FlowdeskProperty> named(String name) {
        return Arrays.stream(values()).filter(property -> property.propertyName.equals(name)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(FlowdeskProperty::propertyName).toList();
    }

    String propertyName() {
        return propertyName;
    }

    boolean allows(String value) {
        return value != null && !value.isBlank() && (values.isEmpty() || values.contains(value));
    }

    /** What to write instead of a value that is not allowed. */
    String fix() {
        String allowed = values.isEmpty() ? "" : values.size() == 1 ? "the only value is " + values.get(0)
                : "use one of " + String.join(", ", values);
        return hint == null ? allowed : allowed.isEmpty() ? hint : allowed + " (" + hint + ")";
    }

    boolean isReadOn(String tagName) {
        return where.tagNames.contains(tagName);
    }

    String readOn() {
        return where.description;
    }

    /** Where the parse listeners read a property (TicketLifecycleParseListener, SlaPlugin, RoutingPlugin). */
    private enum Where {
        PROCESS(Set.of("process"), "the process"),
        STATUS(Set.of("startEvent", "endEvent", "intermediateThrowEvent", "intermediateCatchEvent", "boundaryEvent",
                "task", "userTask", "serviceTask", "manualTask", "receiveTask", "callActivity", "subProcess",
                "sequenceFlow"), "events, tasks (not script, send or business rule tasks), call activities,"
                + " sub-processes and sequence flows"),
        SLA(Set.of("userTask", "serviceTask", "receiveTask", "subProcess", "intermediateThrowEvent",
                "intermediateCatchEvent", "endEvent"), "user, service and receive tasks, sub-processes,"
                + " intermediate and end events"),
        USER_TASK(Set.of("userTask"), "user tasks");

        private final Set<String> tagNames;
        private final String description;

        Where(Set<String> tagNames, String description) {
            this.tagNames = tagNames;
            this.description = description;
        }
    }
}
