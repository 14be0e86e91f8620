package io.flowdesk.tickettype;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reading a BPMN file as the engine's parser holds it ({@link Element}), before the engine builds anything from it:
 * the flow elements of a process and its sub-processes, their Camunda attributes and extension properties.
 */
final class BpmnElements {

    /** The BPMN elements that sit in a process or sub-process (as opposed to their documentation or extensions). */
    private static final Set<String> FLOW_ELEMENTS = Set.of("startEvent", "endEvent", "intermediateThrowEvent",
            "intermediateCatchEvent", "boundaryEvent", "task", "userTask", "serviceTask", "scriptTask", "sendTask",
            "receiveTask", "manualTask", "businessRuleTask", "callActivity", "subProcess", "transaction",
            "adHocSubProcess", "exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway",
            "complexGateway", "sequenceFlow", "dataObject", "dataObjectReference", "dataStoreReference",
            "textAnnotation", "association");
    private static final Set<String> SCOPES = Set.of("subProcess", "transaction", "adHocSubProcess");

    record Property(String name, String value) {
    }

    private BpmnElements() {
    }

    /** "user task 'handleRefund'": what the analyst looks for in Modeler. */
    static String describe(Element element) {
        String id = element.attribute("id");
        return kind(element) + (id == null ? "" : " '" + id + "'");
    }

    /** {@code userTask} → "user task", {@code subProcess} → "sub-process". */
    static String kind(Element element) {
        if ("subProcess".equals(element.getTagName())) {
            return "sub-process";
        }
        return element.getTagName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    static boolean is(Element element, String tagName) {
        return tagName.equals(element.getTagName());
    }

    static String camunda(Element element, String attribute) {
        String value = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, attribute);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The element's own extension properties (Modeler: "Extension properties"), every one, in file order. */
    static List<Property> properties(Element element) {
        Element extensions = element.element("extensionElements");
        if (extensions == null) {
            return List.of();
        }
        List<Property> properties = new ArrayList<>();
        for (Element group : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties")) {
            for (Element property : group.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                properties.add(new Property(property.attribute("name"), property.attribute("value")));
            }
        }
        return properties;
    }

    static boolean isScope(Element element) {
        return SCOPES.contains(element.getTagName());
    }

    /** An event sub-process runs when its event comes, beside the flow, not as a step of it. */
    static boolean isEventSubProcess(Element element) {
        return isScope(element) && Boolean.parseBoolean(element.attribute("triggeredByEvent"));
    }

    /** The flow elements directly in a process or sub-process. */
    static List<Element> flowElements(Element scope) {
        return scope.elements().stream().filter(child -> FLOW_ELEMENTS.contains(child.getTagName())).toList();
    }

    /** Every flow element of a process, sub-processes' included. */
    static List<Element> allFlowElements(Element process) {
        List<Element> all = new ArrayList<>();
        for (Element element : flowElements(process)) {
            all.add(element);
            if (isScope(element)) {
                all.addAll(allFlowElements(element));
            }
        }
        return all;
    }

    /**
     * The element and what is written inside it (timer definitions, expressions, listeners), without the flow
     * elements of a sub-process, which are read as themselves.
     */
    static List<Element> ownContent(Element flowElement) {
        List<Element> content = new ArrayList<>();
        collect(flowElement, content);
        return content;
    }

    private static void collect(Element element, List<Element> content) {
        content.add(element);
        for (Element child : element.elements()) {
            if (!FLOW_ELEMENTS.contains(child.getTagName())) {
                collect(child, content);
            }
        }
    }
}
