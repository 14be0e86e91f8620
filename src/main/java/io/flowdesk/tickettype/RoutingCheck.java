package io.flowdesk.tickettype;

import io.flowdesk.common.BpmnProperties;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket type routes before anyone works on it: the service task {@code ${routeTicket}} puts the ticket in its
 * department and sets {@code group}, which the user tasks' candidate groups read. Without it (or on a path that
 * passes it by) the first task goes to a group that is not set yet. The check follows the sequence flows from the
 * process's start events, into sub-processes and along boundary events, and stops at a routing step; a user task
 * it reaches first is an error. Event sub-processes are left out: they start on their event, beside the flow.
 *
 * <p>A type with no routing step at all is one department's own when it names that department in
 * {@code flowdesk.defaultGroup}: its tickets open there and stay (TicketFollowsItsDepartmentTest runs such a type),
 * so that is a warning. Without the property its tickets would all land in the fallback group unnoticed: an error.
 */
final class RoutingCheck {

    private final Set<Element> unroutedUserTasks = new LinkedHashSet<>();

    private RoutingCheck() {
    }

    static List<ConventionFinding> check(Element process) {
        boolean routes = BpmnElements.allFlowElements(process).stream().anyMatch(RoutingCheck::isRoutingStep);
        if (!routes) {
            return List.of(withoutRouting(process));
        }
        RoutingCheck check = new RoutingCheck();
        check.completesUnrouted(process);
        return check.unroutedUserTasks.stream().map(task -> ConventionFinding.error(task, "reached before the"
                + " routing step, so it goes to the default group before the routing table chose the department;"
                + " put the service task ${"
                + TicketTypeConvention.ROUTING_BEAN + "} on every path from the start event to this task")).toList();
    }

    private static ConventionFinding withoutRouting(Element process) {
        String addRouting = "add a service task with Delegate expression ${" + TicketTypeConvention.ROUTING_BEAN
                + "} after the start event, before the first user task";
        Optional<String> defaultGroup = BpmnElements.properties(process).stream()
                .filter(property -> BpmnProperties.DEFAULT_GROUP.equals(property.name()))
                .map(BpmnElements.Property::value).filter(value -> value != null && !value.isBlank()).findFirst();
        if (defaultGroup.isPresent()) {
            return ConventionFinding.warning(process, "ticket type without a routing step, so every ticket stays in"
                    + " its default group '" + defaultGroup.get() + "'; " + addRouting + " if the routing table"
                    + " should decide");
        }
        return ConventionFinding.error(process, "ticket type without a routing step nor " + BpmnProperties.DEFAULT_GROUP
                + ", so every ticket would land in '" + BpmnProperties.FALLBACK_GROUP + "'; " + addRouting
                + ", or name the department in " + BpmnProperties.DEFAULT_GROUP);
    }

    private static boolean isRoutingStep(Element element) {
        return TicketTypeConvention.callsBean(BpmnElements.camunda(element, "delegateExpression"),
                TicketTypeConvention.ROUTING_BEAN);
    }

    /** Walks a scope from its start events; true if one of its ends can be reached without routing. */
    private boolean completesUnrouted(Element scope) {
        List<Element> elements = BpmnElements.flowElements(scope);
        Map<String, Element> byId = new HashMap<>();
        Map<String, List<Element>> attached = new HashMap<>();
        Map<String, List<String>> targets = new HashMap<>();
        for (Element element : elements) {
            byId.put(element.attribute("id"), element);
            if (BpmnElements.is(element, "boundaryEvent")) {
                attached.computeIfAbsent(element.attribute("attachedToRef"), id -> new ArrayList<>()).add(element);
            }
            if (BpmnElements.is(element, "sequenceFlow")) {
                targets.computeIfAbsent(element.attribute("sourceRef"), id -> new ArrayList<>())
                        .add(element.attribute("targetRef"));
            }
        }
        Deque<Element> toVisit = new ArrayDeque<>(elements.stream()
                .filter(element -> BpmnElements.is(element, "startEvent")).toList());
        Set<Element> visited = new HashSet<>();
        boolean completes = false;
        while (!toVisit.isEmpty()) {
            Element element = toVisit.pop();
            if (!visited.add(element) || isRoutingStep(element) || BpmnElements.isEventSubProcess(element)) {
                continue;
            }
            if (BpmnElements.is(element, "userTask")) {
                unroutedUserTasks.add(element);
                continue;
            }
            String id = element.attribute("id");
            List<String> next = targets.getOrDefault(id, List.of());
            boolean passesThrough = !BpmnElements.isScope(element) || completesUnrouted(element);
            if (passesThrough) {
                next.stream().map(byId::get).filter(Objects::nonNull).forEach(toVisit::push);
                completes |= next.isEmpty();
            }
            attached.getOrDefault(id, List.of()).forEach(toVisit::push);
        }
        return completes;
    }
}
