package io.flowdesk.ticket.lifecycle;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.Optional;

/** Reads the Camunda extension properties an analyst sets in Modeler ("Extension properties" panel). */
final class BpmnProperties {

    static final String TICKET_TYPE = "flowdesk.ticketType";
    static final String DEFAULT_GROUP = "flowdesk.defaultGroup";
    static final String STATUS = "flowdesk.status";

    private BpmnProperties() {
    }

    static Optional<String> read(Element element, String name) {
        Element extensions = element.element("extensionElements");
        if (extensions == null) {
            return Optional.empty();
        }
        Element properties = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return Optional.empty();
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(property -> name.equals(property.attribute("name")))
                .map(property -> property.attribute("value"))
                .findFirst();
    }
}
